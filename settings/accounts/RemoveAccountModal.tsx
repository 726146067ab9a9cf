import { Text } from '@livechat/design-system-react-components';
import type { SalesforceAccount } from '../../src/api/accounts';
import { useApi } from '../../ui/api/ApiContext';
import { ConfirmDestructiveModal } from '../../ui/ConfirmDestructiveModal';
import { useAccountsChanged } from './accountsQuery';

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
  const changed = useAccountsChanged();
  const mappings =
    account.mappingCount === 1
      ? 'its object mapping'
      : account.mappingCount > 1
        ? `its ${account.mappingCount} object mappings`
        : 'its object mappings';

  return (
    <ConfirmDestructiveModal
      heading={`Remove “${account.label}”?`}
      confirmLabel="Remove account"
      onConfirm={() => api.removeAccount(account.id).then(() => undefined)}
      onClose={onClose}
      onDone={() => {
        changed({ removed: account });
        onRemoved(account);
      }}
      testId="remove-account-modal"
      confirmTestId="remove-account-confirm"
      className="settings-modal settings-modal--narrow"
      footerClassName="modal-footer"
      bodyClassName="modal-form"
    >
      <Text as="p">
        Agents will no longer see records from {account.org ? account.org.name : 'this org'} in the widget.
        Removing the account also deletes {mappings} and its access rules, and revokes the app&apos;s
        Salesforce tokens.
      </Text>
      <Text as="p" className="modal-form__muted">
        Records already created in Salesforce stay there. This cannot be undone.
      </Text>
    </ConfirmDestructiveModal>
  );
}
