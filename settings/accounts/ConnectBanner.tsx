import { Alert, Button, Loader, Text } from '@livechat/design-system-react-components';
import type { ConnectState } from './useSalesforceConnect';

/** Where the Salesforce sign-in stands, above the tiles: waiting, popup blocked, or Salesforce's error. */
export function ConnectBanner({ state, onDismiss }: { state: ConnectState; onDismiss: () => void }) {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'waiting':
    case 'completing':
      return (
        <div className="connect-banner" data-testid="connect-waiting" data-phase={state.phase}>
          <Loader size="small" />
          <Text as="span">
            {state.phase === 'waiting'
              ? `Sign in to Salesforce in the window that opened to connect “${state.label}”.`
              : `Finishing the connection of “${state.label}”…`}
          </Text>
          {state.phase === 'waiting' && (
            <Button kind="text" size="compact" onClick={onDismiss} data-testid="connect-cancel">
              Cancel
            </Button>
          )}
        </div>
      );
    case 'blocked':
      return (
        <Alert
          kind="warning"
          data-testid="connect-blocked"
          primaryButton={
            {
              label: 'Open Salesforce sign-in',
              handleClick: state.openPopup,
              kind: 'primary',
              'data-testid': 'open-salesforce-signin',
            } as Parameters<typeof Alert>[0]['primaryButton'] & object
          }
          onClose={onDismiss}
        >
          Your browser blocked the Salesforce sign-in window for “{state.label}”. Open it with the button.
        </Alert>
      );
    case 'failed':
      return (
        <Alert kind="error" onClose={onDismiss} data-testid="connect-error">
          Could not connect “{state.label}”: {state.message}
        </Alert>
      );
    case 'connected':
      return (
        <Alert kind="success" onClose={onDismiss} data-testid="connect-success">
          Connected “{state.account.label}”{state.account.org ? ` to ${state.account.org.name}` : ''}.
        </Alert>
      );
  }
}
