import { Alert, Button, Modal } from '@livechat/design-system-react-components';
import { useState, type ReactNode } from 'react';
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
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm() {
    setWorking(true);
    setProblem(null);
    try {
      await onConfirm();
      onDone();
    } catch (error) {
      setProblem(errorMessage(error));
      setWorking(false);
    }
  }

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
            onClick={() => void confirm()}
            loading={working}
            data-testid={confirmTestId}
          >
            {confirmLabel}
          </Button>
        </div>
      }
    >
      <div className={bodyClassName}>
        {problem && <Alert kind="error">{problem}</Alert>}
        {children}
      </div>
    </Modal>
  );
}
