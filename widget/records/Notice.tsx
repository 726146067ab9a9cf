import { LiteButton } from '../lite';
import type { ReactNode } from 'react';

/** An explanation with its next step, never an empty box. */
export function Notice({
  testId,
  title,
  tone = 'info',
  children,
  onRetry,
}: {
  testId: string;
  title: string;
  tone?: 'info' | 'error';
  children: ReactNode;
  /** An error that may pass: offer to look again. */
  onRetry?: () => void;
}) {
  return (
    <div className={`widget-notice widget-notice--${tone}`} data-testid={testId}>
      <div className="widget-notice__title">{title}</div>
      <p className="widget-notice__text">{children}</p>
      {onRetry && (
        <LiteButton onClick={onRetry} data-testid={`${testId}-retry`}>
          Try again
        </LiteButton>
      )}
    </div>
  );
}
