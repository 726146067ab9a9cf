import {
  Alert,
  Button,
  EmptyState,
  Heading,
  Icon,
  SkeletonText,
  SkeletonWrapper,
  Text,
} from '@livechat/design-system-react-components';
import Add from '@livechat/design-system-icons/Add';
import { useCallback, useState } from 'react';
import type { CreateAccountRequest, SalesforceAccount } from '../../src/api/accounts';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage } from '../../ui/api/ApiError';
import { AccessModal } from '../access/AccessModal';
import { MappingsScreen } from '../mappings';
import { useAccounts, useAccountsChanged } from './accountsQuery';
import { AccountTile } from './AccountTile';
import { AddAccountModal } from './AddAccountModal';
import { ConnectBanner } from './ConnectBanner';
import { RemoveAccountModal } from './RemoveAccountModal';
import { BudgetModal } from './BudgetModal';
import { RenameAccountModal } from './RenameAccountModal';
import { useSalesforceConnect } from './useSalesforceConnect';

type Dialog =
  | { kind: 'add' }
  | { kind: 'access'; account: SalesforceAccount }
  | { kind: 'rename'; account: SalesforceAccount }
  | { kind: 'remove'; account: SalesforceAccount }
  | { kind: 'budget'; account: SalesforceAccount }
  | null;

function TileSkeleton() {
  return (
    <div className="account-tile account-tile--skeleton" data-testid="account-tile-skeleton">
      <SkeletonWrapper vertical animated>
        <SkeletonText width={180} height={20} />
        <SkeletonText width={260} height={14} />
        <div className="account-tile__skeleton-gap" />
        <SkeletonText width={420} height={14} />
        <SkeletonText width={320} height={14} />
      </SkeletonWrapper>
    </div>
  );
}

/** Settings → Accounts: one tile per Salesforce org, and everything an owner does with them. */
export function AccountsTab() {
  const api = useApi();
  const accounts = useAccounts();
  const changed = useAccountsChanged();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [mapping, setMapping] = useState<SalesforceAccount | null>(null);
  const [reconnecting, setReconnecting] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const put = useCallback((account: SalesforceAccount) => changed({ put: account }), [changed]);
  // An account added but never connected (its popup closed before Salesforce answered) is not left
  // behind as a "Not connected" tile: the owner did not finish adding it.
  const discard = useCallback(
    (account: SalesforceAccount) =>
      void api.removeAccount(account.id).then(
        () => changed({ removed: account }),
        () => changed({ put: account }),
      ),
    [api, changed],
  );
  const connectFlow = useSalesforceConnect(put, discard);

  function addAccount(body: CreateAccountRequest): Promise<void> {
    setNotice(null);
    return connectFlow
      .connect(body.label, () => api.createAccount(body), { isNew: true })
      .then(() => setDialog(null));
  }

  function reconnect(account: SalesforceAccount) {
    setNotice(null);
    setReconnecting(account.id);
    connectFlow
      .connect(account.label, () => api.reconnectAccount(account.id))
      .catch((e: unknown) =>
        setNotice({ kind: 'error', text: `Could not reconnect “${account.label}”: ${errorMessage(e)}` }),
      )
      .finally(() => setReconnecting(null));
  }

  const addButton = (
    <Button
      kind="primary"
      icon={<Icon source={Add} />}
      onClick={() => setDialog({ kind: 'add' })}
      data-testid="add-account-button"
    >
      Add account
    </Button>
  );

  let body;
  if (accounts.isPending) {
    body = (
      <div className="account-list" data-testid="accounts-loading">
        <TileSkeleton />
        <TileSkeleton />
      </div>
    );
  } else if (!accounts.data) {
    body = (
      <div className="tab-state" data-testid="accounts-error">
        <EmptyState
          title="Could not load your Salesforce accounts"
          description={errorMessage(accounts.error)}
          actions={
            <Button kind="secondary" onClick={() => void accounts.refetch()} data-testid="accounts-retry">
              Try again
            </Button>
          }
        />
      </div>
    );
  } else if (accounts.data.length === 0) {
    body = (
      <div className="tab-state" data-testid="accounts-empty">
        <EmptyState
          title="Connect your first Salesforce org"
          description="Agents will see the visitor's Salesforce records beside each chat, and you can map chat data to Leads, Contacts, Cases or any other object."
          actions={addButton}
        />
      </div>
    );
  } else {
    body = (
      <div className="account-list" data-testid="account-list">
        {accounts.data.map((account) => (
          <AccountTile
            key={account.id}
            account={account}
            busy={reconnecting === account.id}
            actions={{
              onAccess: (a) => setDialog({ kind: 'access', account: a }),
              onReconnect: reconnect,
              onRename: (a) => setDialog({ kind: 'rename', account: a }),
              onRemove: (a) => setDialog({ kind: 'remove', account: a }),
              onBudget: (a) => setDialog({ kind: 'budget', account: a }),
              onMapObjects: (a) => setMapping(a),
            }}
          />
        ))}
      </div>
    );
  }

  if (mapping) {
    return (
      <section className="tab-panel" data-testid="accounts-tab">
        <MappingsScreen
          accountId={mapping.id}
          accountLabel={mapping.label}
          api={api.mappings}
          onBack={() => setMapping(null)}
          onReconnect={() => {
            setMapping(null);
            reconnect(mapping);
          }}
        />
      </section>
    );
  }

  return (
    <section className="tab-panel" data-testid="accounts-tab">
      <div className="tab-panel__header">
        <div>
          <Heading size="sm" as="h2">
            Salesforce accounts
          </Heading>
          <Text as="p" className="tab-panel__lead">
            The Salesforce orgs this license is connected to, and who may use each one in the chat widget.
          </Text>
        </div>
        {accounts.isSuccess && accounts.data.length > 0 && addButton}
      </div>

      <div className="tab-panel__notices">
        <ConnectBanner state={connectFlow.state} onDismiss={connectFlow.reset} />
        {notice && (
          <Alert kind={notice.kind} onClose={() => setNotice(null)} data-testid="accounts-notice">
            {notice.text}
          </Alert>
        )}
      </div>

      {body}

      {dialog?.kind === 'add' && <AddAccountModal onClose={() => setDialog(null)} onConnect={addAccount} />}
      {dialog?.kind === 'access' && (
        <AccessModal
          account={dialog.account}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setNotice({ kind: 'success', text: `Saved who may use “${dialog.account.label}”.` });
          }}
        />
      )}
      {dialog?.kind === 'rename' && (
        <RenameAccountModal
          account={dialog.account}
          onClose={() => setDialog(null)}
          onRenamed={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'budget' && (
        <BudgetModal
          account={dialog.account}
          onClose={() => setDialog(null)}
          onSaved={(account) => {
            setDialog(null);
            setNotice({
              kind: 'success',
              text:
                account.automationBudgetPercent === null
                  ? `Automation on “${account.label}” has no API budget now.`
                  : `Automation on “${account.label}” now stops at ${account.automationBudgetPercent} % of the org’s daily API calls.`,
            });
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveAccountModal
          account={dialog.account}
          onClose={() => setDialog(null)}
          onRemoved={(account) => {
            setDialog(null);
            setNotice({ kind: 'success', text: `Removed “${account.label}”.` });
          }}
        />
      )}
    </section>
  );
}
