import type { ReactNode } from 'react';
import { useLiveChatSession, type LiveChatSession } from './useLiveChatSession';

export type SignedInSession = Extract<LiveChatSession, { status: 'signed-in' }>;
export type SignedOutSession = Extract<LiveChatSession, { status: 'signed-out' }>;
export type FailedSession = Extract<LiveChatSession, { status: 'error' }>;

/** How a frontend draws the states before sign-in (each app in its own components, so the widget stays small). */
export interface SessionScreens {
  loading: () => ReactNode;
  signedOut: (session: SignedOutSession) => ReactNode;
  error: (session: FailedSession) => ReactNode;
}

/** Signs the agent in with LiveChat, then renders `children`; every other state gets its screen. */
export function SessionGate({
  screens,
  children,
}: {
  screens: SessionScreens;
  children: (session: SignedInSession) => ReactNode;
}) {
  const session = useLiveChatSession();
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
