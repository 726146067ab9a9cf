import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveChatEmulator, demoClient, type LiveChatEmulator } from '../../../emulators/livechat';
import { createAgentAuth, type AgentAuth } from '../../../server/auth/agentAuth.service';
import { systemClock } from '../../../server/clock';
import { createLiveChatClient } from '../../../server/livechat/livechat.client';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { nora } from '../../support/factories/people';

let emulator: LiveChatEmulator;
let database: TestDatabase;
let auth: AgentAuth;
/** The paths of the calls our LiveChat client made, in order. */
const calls: string[] = [];

beforeAll(async () => {
  emulator = createLiveChatEmulator();
  const apiUrl = await emulator.listen(0);
  database = await createTestDatabase();
  const livechat = createLiveChatClient({
    accountsUrl: emulator.accountsUrl,
    apiUrl,
    clientId: demoClient.clientId,
    clientSecret: demoClient.clientSecret ?? '',
    fetch: (input, init) => {
      calls.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return fetch(input, init);
    },
  });
  auth = createAgentAuth({
    db: database.db,
    livechat,
    clientId: demoClient.clientId,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await database?.close();
  await emulator?.close();
});

describe('verifying agent tokens with LiveChat', () => {
  it('asks LiveChat once for a new token that several requests bring at the same time', async () => {
    const token = emulator.admin.issueAgentToken(nora.email, { clientId: demoClient.clientId });
    calls.length = 0;
    const agents = await Promise.all([auth.verify(token), auth.verify(token), auth.verify(token)]);
    expect(agents.map((a) => a.email)).toEqual([nora.email, nora.email, nora.email]);
    expect(calls.filter((path) => path === '/v2/info')).toHaveLength(1);
  });

  it('asks again for a token it could not verify, instead of keeping the refusal', async () => {
    const token = emulator.admin.issueAgentToken(nora.email, { clientId: demoClient.clientId });
    emulator.admin.revokeToken(token);
    calls.length = 0;
    await expect(auth.verify(token)).rejects.toMatchObject({ status: 401 });
    await expect(auth.verify(token)).rejects.toMatchObject({ status: 401 });
    expect(calls.filter((path) => path === '/v2/info')).toHaveLength(2);
  });
});
