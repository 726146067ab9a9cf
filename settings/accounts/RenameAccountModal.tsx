import { Alert, Button, FormField, Input, Modal } from '@livechat/design-system-react-components';
import { useState, type FormEvent } from 'react';
import { renameAccountRequestSchema, type SalesforceAccount } from '../../src/api/accounts';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage, fieldErrors } from '../../ui/api/ApiError';
import { issuesByField } from '../../ui/zodIssues';

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
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const parsed = renameAccountRequestSchema.safeParse({ label });
    if (!parsed.success) {
      setError(issuesByField(parsed.error).label);
      return;
    }
    setSaving(true);
    setError(undefined);
    setProblem(null);
    try {
      const { account: renamed } = await api.renameAccount(account.id, parsed.data.label);
      onRenamed(renamed);
    } catch (e) {
      const byField = fieldErrors(e);
      if (byField.label) setError(byField.label);
      else setProblem(errorMessage(e));
      setSaving(false);
    }
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
            onClick={() => void save()}
            loading={saving}
            data-testid="rename-account-save"
          >
            Save
          </Button>
        </div>
      }
    >
      <form className="modal-form" onSubmit={(e) => void save(e)} noValidate>
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
