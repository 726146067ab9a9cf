import { useEffect, useState } from 'react';
import { connectAgentApp, insideAFrame, type AgentApp, type OpenChat } from './agentApp';

export type OpenChatState =
  | { status: 'outside' }
  | { status: 'connecting' }
  | { status: 'failed' }
  | { status: 'ready'; chat: OpenChat | null };

/** The chat open in LiveChat, following the agent from chat to chat. */
export function useOpenChat(connect: () => Promise<AgentApp> = connectAgentApp): OpenChatState {
  const [state, setState] = useState<OpenChatState>(() =>
    insideAFrame() ? { status: 'connecting' } : { status: 'outside' },
  );
  const outside = state.status === 'outside';
  useEffect(() => {
    if (outside) return;
    let stop = () => {};
    let gone = false;
    connect().then(
      (app) => {
        if (gone) return;
        setState({ status: 'ready', chat: app.current() });
        stop = app.onChange((chat) => setState({ status: 'ready', chat }));
      },
      () => !gone && setState({ status: 'failed' }),
    );
    return () => {
      gone = true;
      stop();
    };
  }, [connect, outside]);
  return state;
}
