import { ApiProvider } from '../ui/api/ApiContext';
import { SessionGate } from '../ui/auth/SessionGate';
import { insideAFrame } from './agentApp/agentApp';
import { ChatDetails, OutsideLiveChat } from './ChatDetails';
import { widgetSessionScreens } from './session/sessionScreens';
import './widget.css';

/** The Chat Details widget: the visitor's Salesforce records beside the chat. */
export function WidgetApp() {
  // Opened on its own, there is no chat to show records of: say where it belongs before any sign-in.
  if (!insideAFrame()) return <OutsideLiveChat />;
  return (
    <SessionGate screens={widgetSessionScreens}>
      {(session) => (
        <ApiProvider api={session.api}>
          {session.publicConfig.demo && (
            <p className="widget-demo-note" data-testid="widget-demo-note">
              Demo: records come from a local Salesforce emulator.
            </p>
          )}
          <ChatDetails />
        </ApiProvider>
      )}
    </SessionGate>
  );
}
