import { Alert, Button, Heading, Icon, Text } from '@livechat/design-system-react-components';
import Chart from '@livechat/design-system-icons/Chart';
import Delete from '@livechat/design-system-icons/Delete';
import Edit from '@livechat/design-system-icons/Edit';
import People from '@livechat/design-system-icons/People';
import Refresh from '@livechat/design-system-icons/Refresh';
import Timeline from '@livechat/design-system-icons/Timeline';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { SalesforceAccount } from '../../src/api/accounts';
import { useApi } from '../../ui/api/ApiContext';
import { formatDate } from '../../ui/format';
import { queryKeys } from '../../ui/query/keys';
import { AccountStatusTag } from './AccountStatusTag';
import { DuplicateChecks } from './DuplicateChecks';
import { accessSummary, environmentLabel, reconnectAdvice } from './accountText';

export interface AccountTileActions {
  onAccess: (account: SalesforceAccount) => void;
  onReconnect: (account: SalesforceAccount) => void;
  onRename: (account: SalesforceAccount) => void;
  onRemove: (account: SalesforceAccount) => void;
  onMapObjects: (account: SalesforceAccount) => void;
  onBudget: (account: SalesforceAccount) => void;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The org's API calls of the last 24 hours as Salesforce reported them, and this app's today. */
function apiUsageText(account: SalesforceAccount): ReactNode {
  const usage = account.apiUsage;
  if (!usage || usage.used === null || usage.limit === null) {
    return (
      <span className="account-tile__muted">Not reported yet (Salesforce says with its next answer)</span>
    );
  }
  const share = usage.limit > 0 ? Math.round((usage.used / usage.limit) * 100) : 0;
  return (
    <>
      {count(usage.used)} of {count(usage.limit)} ({share} %)
      <span className="account-tile__muted"> · {count(usage.ourCallsToday)} by this app today</span>
    </>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="account-tile__fact" data-testid={testId}>
      <Text as="dt" size="sm" className="account-tile__fact-label">
        {label}
      </Text>
      <Text as="dd" size="md" className="account-tile__fact-value">
        {children}
      </Text>
    </div>
  );
}

/** One Salesforce org: who connected it, where, its status, and what the owner can do with it. */
export function AccountTile({
  account,
  busy,
  actions,
}: { account: SalesforceAccount; busy: boolean } & { actions: AccountTileActions }) {
  const connected = account.status === 'connected';
  const api = useApi();
  // The license's groups and agents, to name who may use the account (shared with the access form).
  const directory = useQuery({
    queryKey: queryKeys.directory,
    queryFn: () => api.getDirectory(),
    enabled: account.access.mode !== 'everyone',
    staleTime: 60_000,
  });
  return (
    <article
      className={`account-tile account-tile--${account.status}`}
      data-testid="account-tile"
      data-account-id={account.id}
      data-status={account.status}
      aria-label={account.label}
    >
      <header className="account-tile__header">
        <div className="account-tile__title">
          <Heading size="xs" as="h3" data-testid="account-label">
            {account.label}
          </Heading>
          <Text as="div" size="sm" className="account-tile__org" data-testid="account-org">
            {account.org ? (
              <>
                {account.org.name} <span className="account-tile__org-id">· {account.org.id}</span>
              </>
            ) : (
              'No org connected yet'
            )}
          </Text>
        </div>
        <AccountStatusTag status={account.status} />
      </header>

      {account.status === 'needs_reconnect' && (
        <Alert kind="error" className="account-tile__alert" data-testid="account-status-reason">
          {reconnectAdvice(account.statusReason)}
        </Alert>
      )}
      {account.status === 'pending' && (
        <Text as="p" size="sm" className="account-tile__hint" data-testid="account-pending-hint">
          Sign in to Salesforce to finish connecting this account.
        </Text>
      )}

      <dl className="account-tile__facts">
        <Fact label="Environment" testId="account-environment">
          {environmentLabel(account)}
        </Fact>
        <Fact label="Connected" testId="account-connected-by">
          {account.connectedAt ? (
            <>
              {/* Who Salesforce acts as, then who connected it in LiveChat: two different people. */}
              <span data-testid="account-salesforce-user">
                {account.connectedUser ? (
                  <>
                    Salesforce user {account.connectedUser.name}
                    <span className="account-tile__muted"> ({account.connectedUser.email})</span>
                  </>
                ) : (
                  'Salesforce user unknown'
                )}
              </span>
              <span className="account-tile__muted account-tile__connected-by">
                {account.connectedBy ? `by ${account.connectedBy} in LiveChat · ` : ''}
                {formatDate(account.connectedAt)}
              </span>
            </>
          ) : (
            <span className="account-tile__muted">Not yet</span>
          )}
        </Fact>
        <Fact label="Who can use it" testId="account-access-summary">
          {accessSummary(account.access, directory.data)}
        </Fact>
        <Fact label="API calls, last 24 hours" testId="account-api-usage">
          {apiUsageText(account)}
        </Fact>
        <Fact label="Automation budget" testId="account-budget">
          {account.automationBudgetPercent === null ? (
            <span className="account-tile__muted">None: automation may use the whole daily limit</span>
          ) : (
            <>Up to {account.automationBudgetPercent} % of the daily limit; agents are never limited</>
          )}
        </Fact>
        {account.duplicateChecks.length > 0 && (
          <Fact label="Linking to existing records" testId="account-duplicate-checks">
            <DuplicateChecks checks={account.duplicateChecks} />
          </Fact>
        )}
      </dl>

      <footer className="account-tile__actions">
        <Button
          kind="secondary"
          size="compact"
          icon={<Icon source={People} />}
          onClick={() => actions.onAccess(account)}
          data-testid="account-access-button"
        >
          Access
        </Button>
        <Button
          kind="secondary"
          size="compact"
          icon={<Icon source={Timeline} />}
          disabled={!connected}
          title={connected ? undefined : 'Reconnect the account to map objects'}
          onClick={() => actions.onMapObjects(account)}
          data-testid="account-map-objects-button"
        >
          Map objects
          {account.mappingCount > 0 ? ` (${account.mappingCount})` : ''}
        </Button>
        <Button
          kind={connected ? 'secondary' : 'primary'}
          size="compact"
          icon={<Icon source={Refresh} />}
          onClick={() => actions.onReconnect(account)}
          loading={busy}
          data-testid="account-reconnect-button"
        >
          {account.status === 'pending' ? 'Connect' : 'Reconnect'}
        </Button>
        <Button
          kind="secondary"
          size="compact"
          icon={<Icon source={Chart} />}
          onClick={() => actions.onBudget(account)}
          data-testid="account-budget-button"
        >
          API budget
        </Button>
        <span className="account-tile__spacer" />
        <Button
          kind="plain"
          size="compact"
          icon={<Icon source={Edit} />}
          onClick={() => actions.onRename(account)}
          data-testid="account-rename-button"
        >
          Rename
        </Button>
        <Button
          kind="plain"
          size="compact"
          icon={<Icon source={Delete} />}
          onClick={() => actions.onRemove(account)}
          data-testid="account-remove-button"
        >
          Remove
        </Button>
      </footer>
    </article>
  );
}
