import { Alert, Button, Modal, Text } from '@livechat/design-system-react-components';
import { useState } from 'react';
import type { SalesforceAccount } from '../../src/api/accounts';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage } from '../../ui/api/ApiError';

export function RemoveAccountModal({
  account,
  onClose,
  onRemoved,
}: {
  account: SalesforceAccount;
  onClose: () => void;
  onRemoved: (account: SalesforceAccount) => void;
}) {
  const api = useApi();
  const [removing, setRemoving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function remove() {
    setRemoving(true);
    setProblem(null);
    try {
      await api.removeAccount(account.id);
      onRemoved(account);
    } catch (e) {
      setProblem(errorMessage(e));
      setRemoving(false);
    }
  }

  const mappings =
    account.mappingCount === 1
      ? 'its object mapping'
      : account.mappingCount > 1
        ? `its ${account.mappingCount} object mappings`
        : 'its object mappings';

  return (
    <Modal
      heading={`Remove “${account.label}”?`}
      onClose={onClose}
      data-testid="remove-account-modal"
      className="settings-modal settings-modal--narrow"
      footer={
        <div className="modal-footer">
          <Button kind="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            kind="destructive"
            onClick={() => void remove()}
            loading={removing}
            data-testid="remove-account-confirm"
          >
            Remove account
          </Button>
        </div>
      }
    >
      <div className="modal-form">
        {problem && <Alert kind="error">{problem}</Alert>}
        <Text as="p">
          Agents will no longer see records from {account.org ? account.org.name : 'this org'} in the widget.
          Removing the account also deletes {mappings} and its access rules, and revokes the app&apos;s
          Salesforce tokens.
        </Text>
        <Text as="p" className="modal-form__muted">
          Records already created in Salesforce stay there. This cannot be undone.
        </Text>
      </div>
    </Modal>
  );
}
