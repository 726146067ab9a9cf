/**
 * The few controls the widget needs, drawn with the design system's CSS tokens instead of its React
 * components: the design system ships as one JavaScript module, and importing any of it would put all of
 * it (with floating-ui and react-virtuoso) into the widget's bundle.
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export function Spinner({ label }: { label?: string }) {
  return (
    <div className="lite-spinner" role="status">
      <span className="lite-spinner__circle" aria-hidden="true" />
      {label && <span className="lite-spinner__label">{label}</span>}
    </div>
  );
}

export function LiteButton({
  kind = 'secondary',
  fullWidth,
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { kind?: 'primary' | 'secondary'; fullWidth?: boolean }) {
  return (
    <button
      type="button"
      className={[
        'lite-button',
        `lite-button--${kind}`,
        fullWidth ? 'lite-button--full' : '',
        className ?? '',
      ]
        .filter(Boolean)
        .join(' ')}
      {...props}
    />
  );
}

export function LiteTag({
  kind,
  children,
  ...rest
}: {
  kind: 'success' | 'error' | 'default';
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <span className={`lite-tag lite-tag--${kind}`} {...rest}>
      {children}
    </span>
  );
}
