import { useState, type ReactNode } from 'react';
import { createSessionController, type SessionController } from './sessionController';
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

/**
 * Signs the agent in with LiveChat, then renders `children`; every other state gets its screen. The
 * sign-in is `controller`'s when given (the widget starts it before its first render), else its own.
 */
export function SessionGate({
  screens,
  controller,
  children,
}: {
  screens: SessionScreens;
  controller?: SessionController;
  children: (session: SignedInSession) => ReactNode;
}) {
  const [sessionController] = useState(() => controller ?? createSessionController());
  const session = useLiveChatSession(sessionController);
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
