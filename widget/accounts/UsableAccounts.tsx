import type { UsableAccounts as UsableAccountsDto } from '../../src/api/accounts';
import { useApi } from '../../ui/api/ApiContext';
import { errorMessage } from '../../ui/api/ApiError';
import { useAsync } from '../../ui/useAsync';
import { LiteButton, LiteTag, Spinner } from '../lite';

type UsableAccount = UsableAccountsDto['accounts'][number];

const statusLook = {
  connected: { kind: 'success', text: 'Connected' },
  needs_reconnect: { kind: 'error', text: 'Needs reconnect' },
  pending: { kind: 'default', text: 'Not connected' },
} as const;

function Notice({ testId, title, children }: { testId: string; title: string; children: string }) {
  return (
    <div className="widget-notice" data-testid={testId}>
      <div className="widget-notice__title">{title}</div>
      <p className="widget-notice__text">{children}</p>
    </div>
  );
}

function AccountRow({ account }: { account: UsableAccount }) {
  const look = statusLook[account.status];
  return (
    <li className="widget-account" data-testid="widget-account" data-status={account.status}>
      <div className="widget-account__main">
        <div className="widget-account__label">{account.label}</div>
        <div className="widget-account__org">{account.orgName ?? 'No org connected yet'}</div>
      </div>
      <LiteTag kind={look.kind} data-testid="widget-account-status">
        {look.text}
      </LiteTag>
    </li>
  );
}

/** The Salesforce accounts this agent may use, or why there are none to use. */
export function UsableAccounts() {
  const api = useApi();
  const { state, reload } = useAsync(() => api.listUsableAccounts().then((r) => r.accounts));

  if (state.status === 'loading') {
    return (
      <div className="widget-center" data-testid="widget-loading">
        <Spinner label="Connecting to Salesforce…" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="widget-notice" data-testid="widget-error">
        <div className="widget-notice__title">Salesforce records could not be loaded</div>
        <p className="widget-notice__text">{errorMessage(state.error)}</p>
        <LiteButton onClick={reload} data-testid="widget-retry">
          Try again
        </LiteButton>
      </div>
    );
  }

  const accounts = state.data;
  const usable = accounts.filter((a) => a.status === 'connected');
  const broken = accounts.filter((a) => a.status === 'needs_reconnect');
  const brokenNames = broken.map((a) => `“${a.label}”`).join(', ');
  return (
    <div className="widget-body" data-testid="widget-ready">
      <h2 className="widget-section-title">Salesforce records</h2>
      {accounts.length === 0 ? (
        <Notice testId="widget-no-account" title="No Salesforce account to use">
          Ask your license owner to give you access to a Salesforce account.
        </Notice>
      ) : (
        <>
          <ul className="widget-accounts" data-testid="widget-accounts">
            {accounts.map((a) => (
              <AccountRow key={a.id} account={a} />
            ))}
          </ul>
          {broken.length > 0 && (
            <Notice testId="widget-needs-reconnect" title="Salesforce connection lost">
              {broken.length === 1
                ? `${brokenNames} needs reconnecting. Ask your license owner to reconnect it in the app's settings.`
                : `${brokenNames} need reconnecting. Ask your license owner to reconnect them in the app's settings.`}
            </Notice>
          )}
          {usable.length > 0 && (
            <p className="widget-hint" data-testid="widget-records-soon">
              The visitor&apos;s records from {usable.length === 1 ? 'this org' : 'these orgs'} will appear
              here.
            </p>
          )}
        </>
      )}
    </div>
  );
}
