import { Alert, Button, FormField, Input, Modal, Text } from '@livechat/design-system-react-components';
import { useState, type FormEvent } from 'react';
import { automationBudgetRequestSchema, type SalesforceAccount } from '../../src/api/accounts';
import { useApi } from '../../ui/api/ApiContext';
import { useAccountForm } from './accountsQuery';

/**
 * The share of the org's daily API limit automation may reach. The limit is shared with everything
 * else the org runs; above the budget, automatic records wait (nothing is lost) and go on by
 * themselves as usage falls. Agents' widget is never limited.
 */
export function BudgetModal({
  account,
  onClose,
  onSaved,
}: {
  account: SalesforceAccount;
  onClose: () => void;
  onSaved: (account: SalesforceAccount) => void;
}) {
  const api = useApi();
  const [value, setValue] = useState(account.automationBudgetPercent?.toString() ?? '');
  const budget = useAccountForm(
    automationBudgetRequestSchema,
    ['percent'],
    (body) => api.setAutomationBudget(account.id, body.percent),
    onSaved,
  );
  const { percent: error, '': problem } = budget.problems;
  const saving = budget.isPending;
  const save = (percent: number | null) => budget.submit({ percent });

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = value.trim();
    save(text === '' ? null : Number(text));
  }

  const usage = account.apiUsage;
  return (
    <Modal
      heading={`API budget of “${account.label}”`}
      onClose={onClose}
      data-testid="budget-modal"
      className="settings-modal settings-modal--narrow"
      footer={
        <div className="modal-footer">
          {account.automationBudgetPercent !== null && (
            <Button kind="plain" onClick={() => save(null)} disabled={saving} data-testid="budget-remove">
              No budget
            </Button>
          )}
          <Button kind="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button kind="primary" onClick={() => submit()} loading={saving} data-testid="budget-save">
            Save
          </Button>
        </div>
      }
    >
      <form className="modal-form" onSubmit={submit} noValidate>
        {problem && <Alert kind="error">{problem}</Alert>}
        <Text as="p" size="md">
          Salesforce gives each org a number of API calls per 24 hours, shared with every app and integration
          it runs. Keep some for them: above this share, automatic records wait and are created by themselves
          once usage falls. Agents can always look up and create records.
        </Text>
        {usage?.used != null && usage.limit != null && (
          <Text as="p" size="sm" className="account-tile__muted" data-testid="budget-usage">
            Now: {usage.used.toLocaleString('en-US')} of {usage.limit.toLocaleString('en-US')} calls used.
          </Text>
        )}
        <FormField
          labelText="Automation may use up to (% of the daily limit)"
          labelFor="budget-percent"
          error={error}
          description="Leave empty for no budget."
        >
          <Input
            id="budget-percent"
            type="number"
            min={1}
            max={100}
            step={1}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              budget.setProblems(({ percent: _fixed, ...rest }) => rest);
            }}
            error={Boolean(error)}
            autoFocus
            placeholder="e.g. 20"
            data-testid="budget-percent"
          />
        </FormField>
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
