import type { ReactNode } from 'react';
import type { SessionApi } from '../api/session';
import type { SessionController } from './sessionController';
import { useLiveChatSession, type LiveChatSession } from './useLiveChatSession';

export type SignedInSession<Api extends SessionApi = SessionApi> = Extract<
  LiveChatSession<Api>,
  { status: 'signed-in' }
>;
export type SignedOutSession = Extract<LiveChatSession, { status: 'signed-out' }>;
export type FailedSession = Extract<LiveChatSession, { status: 'error' }>;

/** How a frontend draws the states before sign-in (each app in its own components, so the widget stays small). */
export interface SessionScreens {
  loading: () => ReactNode;
  signedOut: (session: SignedOutSession) => ReactNode;
  error: (session: FailedSession) => ReactNode;
}

/**
 * Signs the agent in with LiveChat through `controller` (each frontend makes its own, with its API
 * client; the widget starts it before its first render), then renders `children`; every other state
 * gets its screen.
 */
export function SessionGate<Api extends SessionApi>({
  screens,
  controller,
  children,
}: {
  screens: SessionScreens;
  controller: SessionController<Api>;
  children: (session: SignedInSession<Api>) => ReactNode;
}) {
  const session = useLiveChatSession(controller);
  switch (session.status) {
    case 'loading':
      return screens.loading();
    case 'error':
      return screens.error(session);
    case 'signed-out':
      return screens.signedOut(session);
    case 'signed-in':
      return children(session);
  }
}
