import { describe, expect, it } from 'vitest';
import { createWidgetClient } from '../../../ui/api/widgetClient';
import { createSessionController } from '../../../ui/auth/sessionController';
import type { OpenChat, OpenChatState, OpenChatStore } from '../../../widget/agentApp/agentApp';
import { startWidget } from '../../../widget/session/startWidget';
import {
  deferred,
  fakeAuth,
  fakeBackend,
  me,
  publicConfig,
  settled,
  token,
  until,
} from '../../support/fakeSession';

const chat: OpenChat = { chatId: 'CHAT1', threadId: 'THREAD1', customerName: 'John Smith', source: 'chats' };
const related = {
  path: '/api/widget/related?chatId=CHAT1&threadId=THREAD1',
  authorization: 'Bearer token-1',
};

/** The widget's start with the Agent App, the hidden iframe and /api/me answering when the test says. */
function world() {
  const meAnswer = deferred<unknown>();
  const backend = fakeBackend({
    '/api/public-config': async () => publicConfig,
    '/api/me': () => meAnswer.promise,
  });
  const { auth, silent } = fakeAuth();
  let state: OpenChatState = { status: 'connecting' };
  const listeners = new Set<() => void>();
  const agentApp: OpenChatStore = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const session = createSessionController({
    createApi: createWidgetClient,
    fetch: backend.fetch,
    createAuth: () => auth,
  });
  startWidget({ agentApp, session });
  return {
    requests: backend.requests,
    session,
    /** The Agent App's customer_profile. */
    open(next: OpenChat) {
      state = { status: 'ready', chat: next };
      for (const l of listeners) l();
    },
    silentCount: () => silent.length,
    signInFails: () => silent[0]!.reject('login_required'),
    signInAnswers: async () => {
      await until(() => silent.length === 1);
      silent[0]!.resolve(token);
    },
    answerMe: () => meAnswer.resolve(me),
  };
}

describe('the widget’s start: Agent App, sign-in and the first records side by side', () => {
  it('asks for the open chat’s records with the token, while /api/me still checks it', async () => {
    const w = world();
    w.open(chat);
    await w.signInAnswers();
    await until(() => w.requests.some((r) => r.path === related.path));
    expect(w.session.getState().status).toBe('loading');
    expect(w.requests).toEqual(
      expect.arrayContaining([{ path: '/api/me', authorization: 'Bearer token-1' }, related]),
    );
    w.answerMe();
    await until(() => w.session.getState().status === 'signed-in');
  });

  it('asks as soon as the chat is known when the token came first', async () => {
    const w = world();
    await w.signInAnswers();
    await until(() => w.requests.some((r) => r.path === '/api/me'));
    expect(w.requests.some((r) => r.path.startsWith('/api/widget/related'))).toBe(false);
    w.open(chat);
    await until(() => w.requests.some((r) => r.path === related.path));
  });

  it('asks for the first chat the Agent App names after the sign-in, once, and nothing for a customer without a chat', async () => {
    const w = world();
    w.open({ ...chat, chatId: null, threadId: null });
    await w.signInAnswers();
    w.answerMe();
    await until(() => w.session.getState().status === 'signed-in');
    await settled();
    expect(w.requests.map((r) => r.path)).toEqual(['/api/public-config', '/api/me']);
    w.open(chat);
    await until(() => w.requests.some((r) => r.path === related.path));
    w.open({ ...chat, chatId: 'CHAT2', threadId: 'THREAD2' });
    await settled();
    // The next chats are the screen's to ask for.
    expect(w.requests.filter((r) => r.path.startsWith('/api/widget/related'))).toHaveLength(1);
  });

  it('asks for nothing when the sign-in fails', async () => {
    const w = world();
    await until(() => w.silentCount() === 1);
    w.signInFails();
    await until(() => w.session.getState().status === 'signed-out');
    w.open(chat);
    await settled();
    expect(w.requests.map((r) => r.path)).toEqual(['/api/public-config']);
  });
});
