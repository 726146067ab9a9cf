import type { SessionScreens } from '../../ui/auth/SessionGate';
import { LiteButton, Spinner } from '../lite';

/** The widget's screens before sign-in, compact for the Chat Details column. */
export const widgetSessionScreens: SessionScreens = {
  loading: () => (
    <div className="widget-center" data-testid="widget-loading">
      <Spinner label="Signing in with LiveChat…" />
    </div>
  ),
  error: (session) => (
    <div className="widget-notice" data-testid="widget-session-error">
      <div className="widget-notice__title">Salesforce for LiveChat is unavailable</div>
      <p className="widget-notice__text">{session.message}</p>
      <LiteButton onClick={session.retry} data-testid="session-retry">
        Try again
      </LiteButton>
    </div>
  ),
  signedOut: (session) => (
    <div className="widget-notice widget-notice--signin" data-testid="widget-signed-out">
      <div className="widget-notice__title">Salesforce records</div>
      <p className="widget-notice__text">
        Sign in with LiveChat to see the visitor&apos;s Salesforce records.
      </p>
      {session.problem && (
        <p className="widget-notice__problem" role="alert" data-testid="signin-problem">
          {session.problem}
        </p>
      )}
      <LiteButton kind="primary" fullWidth onClick={session.signIn} data-testid="signin-button">
        Sign in with LiveChat
      </LiteButton>
      {session.signingIn && (
        <p className="widget-notice__text" data-testid="signin-waiting">
          Finish signing in in the LiveChat window.
        </p>
      )}
    </div>
  ),
};
