import { Alert, Button, Heading, Loader, Text } from '@livechat/design-system-react-components';
import type { SessionScreens } from '../../ui/auth/SessionGate';

/** The settings app's screens before sign-in: loading, "Sign in with LiveChat", and errors. */
export const settingsSessionScreens: SessionScreens = {
  loading: () => (
    <div className="page-center" data-testid="settings-loading">
      <Loader size="large" label="Signing in with LiveChat…" />
    </div>
  ),
  error: (session) => (
    <div className="page-center" data-testid="settings-session-error">
      <div className="state-panel state-panel--page">
        <Heading size="sm" as="h1">
          Salesforce for LiveChat is unavailable
        </Heading>
        <Text as="p" className="state-panel__text">
          {session.message}
        </Text>
        <Button kind="secondary" onClick={session.retry} data-testid="session-retry">
          Try again
        </Button>
      </div>
    </div>
  ),
  signedOut: (session) => (
    <div className="page-center" data-testid="settings-signed-out">
      <div className="state-panel state-panel--page">
        <Heading size="sm" as="h1">
          Salesforce for LiveChat
        </Heading>
        <Text as="p" className="state-panel__text">
          Sign in with your LiveChat account to connect Salesforce orgs and choose who may use them.
        </Text>
        {session.problem && (
          <Alert kind="error" className="state-panel__alert" data-testid="signin-problem">
            {session.problem}
          </Alert>
        )}
        <Button kind="primary" size="large" onClick={session.signIn} data-testid="signin-button">
          Sign in with LiveChat
        </Button>
        {session.signingIn && (
          <Text as="p" size="sm" className="state-panel__hint" data-testid="signin-waiting">
            Finish signing in in the LiveChat window. Nothing opened? Click the button again.
          </Text>
        )}
      </div>
    </div>
  ),
};
