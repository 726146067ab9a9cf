import { ApiProvider } from '../ui/api/ApiContext';
import { SessionGate } from '../ui/auth/SessionGate';
import { UsableAccounts } from './accounts/UsableAccounts';
import { widgetSessionScreens } from './session/sessionScreens';
import './widget.css';

/** The Chat Details widget: the visitor's Salesforce records beside the chat. */
export function WidgetApp() {
  return (
    <SessionGate screens={widgetSessionScreens}>
      {(session) => (
        <ApiProvider api={session.api}>
          <UsableAccounts />
        </ApiProvider>
      )}
    </SessionGate>
  );
}
