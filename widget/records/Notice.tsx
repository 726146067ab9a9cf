import type { ReactNode } from 'react';

/** An explanation with its next step, never an empty box. */
export function Notice({
  testId,
  title,
  tone = 'info',
  children,
}: {
  testId: string;
  title: string;
  tone?: 'info' | 'error';
  children: ReactNode;
}) {
  return (
    <div className={`widget-notice widget-notice--${tone}`} data-testid={testId}>
      <div className="widget-notice__title">{title}</div>
      <p className="widget-notice__text">{children}</p>
    </div>
  );
}
