import { useSyncExternalStore } from 'react';
import type { OpenChatState, OpenChatStore } from './agentApp';

export type { OpenChatState } from './agentApp';

/** The chat open in LiveChat, following the agent from chat to chat (the connection started in main.tsx). */
export function useOpenChat(store: OpenChatStore): OpenChatState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
