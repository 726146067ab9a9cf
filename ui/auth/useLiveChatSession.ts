import { useEffect, useSyncExternalStore } from 'react';
import type { SessionApi } from '../api/session';
import type { LiveChatSession, SessionController } from './sessionController';

export type { LiveChatSession } from './sessionController';

/**
 * The agent's LiveChat sign-in, as `controller` runs it (started here if it was not yet):
 * `loading`, `signed-out` (with `signIn()` for the button), `signed-in` (`token`, `me`, and the API
 * client), or `error` (with `retry()`). The token stays in memory only.
 */
export function useLiveChatSession<Api extends SessionApi>(
  controller: SessionController<Api>,
): LiveChatSession<Api> {
  useEffect(() => controller.start(), [controller]);
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
