import { WidgetApiProvider } from './api';
import { SessionGate } from '../ui/auth/SessionGate';
import { ChatDetails } from './ChatDetails';
import { PrefetchContext } from './query/useQuery';
import { widgetSessionScreens } from './session/sessionScreens';
import type { StartedWidget } from './session/startWidget';
import './widget.css';

/** The Chat Details widget: the visitor's Salesforce records beside the chat (started by `startWidget`). */
export function WidgetApp({ agentApp, session, prefetch }: StartedWidget) {
  return (
    <PrefetchContext.Provider value={prefetch}>
      <SessionGate screens={widgetSessionScreens} controller={session}>
        {(signedIn) => (
          <WidgetApiProvider api={signedIn.api}>
            {signedIn.publicConfig.demo && (
              <p className="widget-demo-note" data-testid="widget-demo-note">
                Demo: records come from a local Salesforce emulator.
              </p>
            )}
            <ChatDetails agentApp={agentApp} />
          </WidgetApiProvider>
        )}
      </SessionGate>
    </PrefetchContext.Provider>
  );
}
