import type { WidgetClient } from '../../ui/api/widgetClient';
import type { SessionController } from '../../ui/auth/sessionController';
import { queryKeys } from '../../ui/query/keys';
import type { OpenChatStore } from '../agentApp/agentApp';
import { createPrefetch, type Prefetch } from '../query/useQuery';

export interface StartedWidget {
  agentApp: OpenChatStore;
  session: SessionController<WidgetClient>;
  prefetch: Prefetch;
}

/**
 * Everything the widget waits for, side by side before React draws anything: the Agent App connection
 * (`agentApp`, begun first so its first handshake is heard), the LiveChat sign-in (public-config, the
 * hidden accounts iframe, /api/me; started here), and, as soon as the first open chat is known, that
 * chat's records: /api/widget/related leaves with the token (beside /api/me while the sign-in still
 * runs), and the records screen takes its answer (see `createPrefetch`). Signed in before the chat is
 * known (the sign-in often wins), the request still leaves from here, the moment the Agent App names
 * the chat, not a render and an effect later. Signed out, or failed, nothing is asked: the screens say
 * why.
 */
export function startWidget({
  agentApp,
  session,
}: {
  agentApp: OpenChatStore;
  session: SessionController<WidgetClient>;
}): StartedWidget {
  const prefetch = createPrefetch();
  session.start();

  const stops: Array<() => void> = [];
  const stop = () => stops.splice(0).forEach((s) => s());
  const prefetchWhenKnown = () => {
    const signIn = session.getState().status;
    if (signIn === 'signed-out' || signIn === 'error') return stop();
    const open = agentApp.getState();
    if (open.status !== 'ready' || !open.chat.chatId) return;
    const { chatId } = open.chat;
    const threadId = open.chat.threadId ?? undefined;
    stop();
    prefetch.start(queryKeys.related(chatId, threadId), () =>
      session.api.widget.related(chatId, { threadId }),
    );
  };
  stops.push(agentApp.subscribe(prefetchWhenKnown), session.subscribe(prefetchWhenKnown));
  prefetchWhenKnown();
  return { agentApp, session, prefetch };
}
