import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  createSessionController,
  type LiveChatSession,
  type SessionControllerDeps,
} from './sessionController';

export type { LiveChatSession } from './sessionController';

/**
 * The agent's LiveChat sign-in: `loading`, `signed-out` (with `signIn()` for the button), `signed-in`
 * (`token`, `me`, and the API client), or `error` (with `retry()`). The token stays in memory only.
 */
export function useLiveChatSession(deps?: SessionControllerDeps): LiveChatSession {
  const [controller] = useState(() => createSessionController(deps));
  useEffect(() => controller.start(), [controller]);
  return useSyncExternalStore(controller.subscribe, controller.getState);
}
