import { Alert, Button, Modal } from '@livechat/design-system-react-components';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from './api/ApiError';

/**
 * Asks before something that cannot be undone; runs `onConfirm`, shows its failure in place, and
 * closes through `onDone` when it succeeded.
 */
export function ConfirmDestructiveModal({
  heading,
  confirmLabel,
  onConfirm,
  onClose,
  onDone,
  testId,
  confirmTestId,
  className,
  footerClassName,
  bodyClassName,
  children,
}: {
  heading: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  onDone: () => void;
  testId: string;
  confirmTestId: string;
  className: string;
  footerClassName: string;
  bodyClassName: string;
  children: ReactNode;
}) {
  const confirm = useMutation({ mutationFn: onConfirm, onSuccess: onDone });

  return (
    <Modal
      heading={heading}
      onClose={onClose}
      data-testid={testId}
      className={className}
      footer={
        <div className={footerClassName}>
          <Button kind="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            kind="destructive"
            onClick={() => confirm.mutate()}
            loading={confirm.isPending}
            data-testid={confirmTestId}
          >
            {confirmLabel}
          </Button>
        </div>
      }
    >
      <div className={bodyClassName}>
        {confirm.isError && <Alert kind="error">{errorMessage(confirm.error)}</Alert>}
        {children}
      </div>
    </Modal>
  );
}
