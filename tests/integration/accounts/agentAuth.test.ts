import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveChatEmulator, demoClient, type LiveChatEmulator } from '../../../emulators/livechat';
import { createAgentAuth, type AgentAuth } from '../../../server/auth/agentAuth.service';
import { createLiveChatClient } from '../../../server/livechat/livechat.client';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { nora } from '../../support/factories/people';

let emulator: LiveChatEmulator;
let database: TestDatabase;
let auth: AgentAuth;
/** The paths of the calls our LiveChat client made, in order. */
const calls: string[] = [];
/** When each call left and when its answer came: `> path` and `< path`, in order. */
const events: string[] = [];
/** This file's clock, moved by the tests that need time to pass. */
let nowMs = Date.now();
const clock = { now: () => new Date(nowMs) };

beforeAll(async () => {
  emulator = createLiveChatEmulator();
  const apiUrl = await emulator.listen(0);
  database = await createTestDatabase();
  const livechat = createLiveChatClient({
    accountsUrl: emulator.accountsUrl,
    apiUrl,
    clientId: demoClient.clientId,
    clientSecret: demoClient.clientSecret ?? '',
    fetch: async (input, init) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      calls.push(path);
      events.push(`> ${path}`);
      const res = await fetch(input, init);
      events.push(`< ${path}`);
      return res;
    },
  });
  auth = createAgentAuth({
    db: database.db,
    livechat,
    clientId: demoClient.clientId,
    clock,
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

  it('asks LiveChat whose token it is and for the license’s agents together, not one after the other', async () => {
    const token = emulator.admin.issueAgentToken(nora.email, { clientId: demoClient.clientId });
    events.length = 0;
    await auth.verify(token);
    const sent = (part: string) => events.findIndex((e) => e.startsWith('>') && e.includes(part));
    const answered = (part: string) => events.findIndex((e) => e.startsWith('<') && e.includes(part));
    expect(sent('/v2/info')).toBeGreaterThanOrEqual(0);
    expect(sent('list_agents')).toBeGreaterThanOrEqual(0);
    expect(sent('list_agents')).toBeLessThan(answered('/v2/info'));
  });

  it('remembers a verified token until its shared cache row expires, then asks LiveChat again', async () => {
    const token = emulator.admin.issueAgentToken(nora.email, { clientId: demoClient.clientId });
    await auth.verify(token);
    // The shared cache emptied (as by another process's sweep): this process still knows the token.
    await database.db.agentTokenCache.deleteMany({});
    calls.length = 0;
    expect((await auth.verify(token)).email).toBe(nora.email);
    expect(calls).toEqual([]);
    nowMs += 61_000;
    try {
      expect((await auth.verify(token)).email).toBe(nora.email);
      expect(calls.filter((path) => path === '/v2/info')).toHaveLength(1);
    } finally {
      nowMs -= 61_000;
    }
  });
});
