import type { DuplicateCheck } from '../../src/api/accounts';

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/**
 * For each automated "link" mapping of the account, how its runs find the visitor's existing record:
 * the org's duplicate rules, as the record is created (one Salesforce call a chat), or a search first
 * (two), with what would save the second call.
 */
export function DuplicateChecks({ checks }: { checks: DuplicateCheck[] }) {
  return (
    <ul className="account-tile__duplicate-checks">
      {checks.map((check) => (
        <li key={check.objectName} data-testid={`account-duplicate-check-${check.objectName}`}>
          <strong>{check.objectLabel}</strong>
          {check.by === 'rules' ? (
            <>
              : found by the org’s duplicate rule {list(check.rules)} as each record is created
              <span className="account-tile__muted"> · 1 Salesforce call a chat</span>
            </>
          ) : check.by === 'search' ? (
            <>
              : searched by {list(check.fields)} before each record is created
              <span className="account-tile__muted">
                {' '}
                · 2 Salesforce calls a chat; an active duplicate rule on {check.objectLabel} that matches{' '}
                {list(check.fields)} and alerts or blocks would save one
              </span>
            </>
          ) : (
            <span className="account-tile__muted">
              : read from the org’s duplicate rules at the first automatic run
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
