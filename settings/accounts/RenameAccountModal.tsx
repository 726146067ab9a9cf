import { Alert, Button, FormField, Input, Modal } from '@livechat/design-system-react-components';
import { useState, type FormEvent } from 'react';
import { renameAccountRequestSchema, type SalesforceAccount } from '../../src/api/accounts';
import { useApi } from '../../ui/api/ApiContext';
import { useAccountForm } from './accountsQuery';

export function RenameAccountModal({
  account,
  onClose,
  onRenamed,
}: {
  account: SalesforceAccount;
  onClose: () => void;
  onRenamed: (account: SalesforceAccount) => void;
}) {
  const api = useApi();
  const [label, setLabel] = useState(account.label);
  const rename = useAccountForm(
    renameAccountRequestSchema,
    ['label'],
    (body) => api.renameAccount(account.id, body.label),
    onRenamed,
  );
  const { label: error, '': problem } = rename.problems;

  function save(event?: FormEvent) {
    event?.preventDefault();
    rename.submit({ label });
  }

  return (
    <Modal
      heading="Rename account"
      onClose={onClose}
      data-testid="rename-account-modal"
      className="settings-modal settings-modal--narrow"
      footer={
        <div className="modal-footer">
          <Button kind="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            kind="primary"
            onClick={() => save()}
            loading={rename.isPending}
            data-testid="rename-account-save"
          >
            Save
          </Button>
        </div>
      }
    >
      <form className="modal-form" onSubmit={save} noValidate>
        {problem && <Alert kind="error">{problem}</Alert>}
        <FormField labelText="Name" labelFor="rename-account-label" error={error}>
          <Input
            id="rename-account-label"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            error={Boolean(error)}
            autoFocus
            maxLength={80}
            data-testid="rename-account-label"
          />
        </FormField>
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
