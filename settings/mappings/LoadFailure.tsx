import { Button, EmptyState, Icon } from '@livechat/design-system-react-components';
import PlugDisconnected from '@livechat/design-system-icons/PlugDisconnected';
import { ApiError, errorMessage } from '../../ui/api/ApiError';

/** True when the account must be reconnected before anything else works. */
export function needsReconnect(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'salesforce_needs_reconnect';
}

/**
 * A load that failed: the designed "reconnect" state when Salesforce no longer accepts the account's
 * connection, otherwise the reason and Try again.
 */
export function LoadFailure({
  error,
  what,
  accountLabel,
  onRetry,
  onReconnect,
}: {
  error: unknown;
  /** "your mapped objects", "the fields of Lead" */
  what: string;
  accountLabel: string;
  onRetry: () => void;
  onReconnect?: () => void;
}) {
  if (needsReconnect(error)) {
    return (
      <div className="mapping-state" data-testid="mappings-needs-reconnect">
        <EmptyState
          icon={
            <span className="mapping-state__icon">
              <Icon source={PlugDisconnected} size="xlarge" kind="negative" />
            </span>
          }
          title={`Reconnect “${accountLabel}” to map objects`}
          description={`${errorMessage(error)} Your mappings are kept; sign in to Salesforce again and they work as before.`}
          actions={
            <>
              {onReconnect && (
                <Button kind="primary" onClick={onReconnect} data-testid="mappings-reconnect">
                  Reconnect account
                </Button>
              )}
              <Button kind="secondary" onClick={onRetry} data-testid="mappings-retry">
                Try again
              </Button>
            </>
          }
        />
      </div>
    );
  }
  return (
    <div className="mapping-state" data-testid="mappings-error">
      <EmptyState
        title={`Could not load ${what}`}
        description={errorMessage(error)}
        actions={
          <Button kind="secondary" onClick={onRetry} data-testid="mappings-retry">
            Try again
          </Button>
        }
      />
    </div>
  );
}
