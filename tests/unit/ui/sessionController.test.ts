import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../ui/api/client';
import { createSessionController, type SessionController } from '../../../ui/auth/sessionController';
import { deferred, fakeAuth, fakeBackend, me, publicConfig, token, until } from '../../support/fakeSession';

function started(controller: SessionController<ApiClient>) {
  controller.start();
  return controller;
}

describe('the LiveChat session, before the first render', () => {
  it('sends a call made during the first sign-in with its token, beside /api/me, without a sign-in of its own', async () => {
    const meAnswer = deferred<unknown>();
    const backend = fakeBackend({
      '/api/public-config': async () => publicConfig,
      '/api/me': () => meAnswer.promise,
      '/api/widget/accounts': async () => ({ accounts: [] }),
    });
    const { auth, silent } = fakeAuth();
    const session = started(
      createSessionController({
        createApi: createApiClient,
        fetch: backend.fetch,
        createAuth: () => auth,
      }),
    );

    const early = session.api.listUsableAccounts();
    await until(() => silent.length === 1);
    silent[0]!.resolve(token);
    await until(() => backend.requests.some((r) => r.path === '/api/widget/accounts'));

    // The early call left while /api/me is still unanswered, with the token of the one sign-in.
    expect(session.getState().status).toBe('loading');
    expect(backend.requests).toHaveLength(3);
    expect(backend.requests).toEqual(
      expect.arrayContaining([
        { path: '/api/public-config', authorization: null },
        { path: '/api/me', authorization: 'Bearer token-1' },
        { path: '/api/widget/accounts', authorization: 'Bearer token-1' },
      ]),
    );
    meAnswer.resolve(me);
    await expect(early).resolves.toEqual({ accounts: [] });
    await until(() => session.getState().status === 'signed-in');
    expect(silent).toHaveLength(1);
  });

  it('answers an early call 401 when the hidden iframe cannot sign in, and offers the button without saying it expired', async () => {
    const backend = fakeBackend({ '/api/public-config': async () => publicConfig });
    const { auth, silent } = fakeAuth();
    const session = started(
      createSessionController({
        createApi: createApiClient,
        fetch: backend.fetch,
        createAuth: () => auth,
      }),
    );

    const early = session.api.listUsableAccounts();
    await until(() => silent.length === 1);
    silent[0]!.reject({ identity_exception: 'unauthorized' });

    await expect(early).rejects.toMatchObject({ status: 401 });
    await until(() => session.getState().status === 'signed-out');
    expect(session.getState()).toMatchObject({ status: 'signed-out', problem: null });
    expect(silent).toHaveLength(1);
    expect(backend.requests.map((r) => r.path)).toEqual(['/api/public-config']);
  });

  it('answers an early call 401 when public-config cannot be read, and says what is wrong', async () => {
    const backend = fakeBackend({});
    const { auth, silent } = fakeAuth();
    const session = started(
      createSessionController({
        createApi: createApiClient,
        fetch: backend.fetch,
        createAuth: () => auth,
      }),
    );

    await expect(session.api.listUsableAccounts()).rejects.toMatchObject({ status: 401 });
    await until(() => session.getState().status === 'error');
    expect(session.getState()).toMatchObject({ status: 'error', message: expect.any(String) });
    expect(silent).toHaveLength(0);
  });

  it('signs in with the public-config written into the page, without asking for it', async () => {
    const backend = fakeBackend({ '/api/me': async () => me });
    const { auth, silent } = fakeAuth();
    const configs: unknown[] = [];
    const session = started(
      createSessionController({
        createApi: createApiClient,
        fetch: backend.fetch,
        initialPublicConfig: () => publicConfig,
        createAuth: (config) => {
          configs.push(config);
          return auth;
        },
      }),
    );

    await until(() => silent.length === 1);
    expect(configs).toEqual([publicConfig.livechat]);
    silent[0]!.resolve(token);
    await until(() => session.getState().status === 'signed-in');
    expect(session.getState()).toMatchObject({ status: 'signed-in', publicConfig });
    expect(backend.requests.map((r) => r.path)).toEqual(['/api/me']);
  });
});
