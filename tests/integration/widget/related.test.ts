import { beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import type { RelatedResponse } from '../../../src/api/widget';
import { otherLicense, oscar } from '../../support/factories/people';
import { eventually } from '../../support/automation';
import { startWorld, type World } from '../../support/world';
import {
  chatWith,
  connectSecondOrg,
  demoAccountId,
  demoOrgId,
  john,
  maria,
  nate,
  nora,
  owner,
  zoe,
  closeAfterAndResetBeforeEach,
} from './support';

let world: World;
let demoOrg: string;
let uat: { accountId: string; orgId: string };
let demoAccount: string;

beforeAll(async () => {
  world = await startWorld({ seed: true, worker: false });
  demoOrg = demoOrgId(world);
  demoAccount = await demoAccountId(world);
  uat = await connectSecondOrg(world);
  // The first search of an org describes its mapped objects once (kept for every later chat).
  await world.call(world.tokenFor(nora.email), endpoints.related, {
    query: { chatId: chatWith(world, maria) },
  });
}, 120_000);

closeAfterAndResetBeforeEach(() => world);

const searchCalls = (orgId: string) => world.salesforce.admin.callCount(orgId);

/** The widget's search for a chat's visitor, its answer parsed by the contract's schema. */
const related = (email: string, chatId: string, refresh = false) =>
  world.call(world.tokenFor(email), endpoints.related, {
    query: { chatId, ...(refresh && { refresh: '1' as const }) },
  });

const accountNamed = (body: RelatedResponse, label: string) =>
  body.accounts.find((a) => a.account.label === label);
const objectOf = (body: RelatedResponse, label: string, objectName: string) =>
  accountNamed(body, label)?.objects.find((o) => o.objectName === objectName);

describe('GET /api/widget/related', () => {
  it('finds the visitor in every account the agent may use, with one Salesforce call per account', async () => {
    const body = await related(nora.email, chatWith(world, john));
    expect(body.state).toBe('ok');
    expect(body.accounts.map((a) => [a.account.label, a.state])).toEqual([
      ['Demo Shop', 'ok'],
      ['Demo Shop UAT', 'ok'],
    ]);

    const contacts = objectOf(body, 'Demo Shop', 'Contact')!;
    expect(contacts.records).toHaveLength(1);
    expect(contacts.records[0]).toMatchObject({ name: 'John Smith' });
    expect(contacts.records[0]!.url).toMatch(/\/lightning\/r\/Contact\/003\w+\/view$/);
    expect(contacts.records[0]!.fields.map((f) => f.label)).toEqual(['Account', 'Business Phone', 'Title']);
    expect(objectOf(body, 'Demo Shop', 'Lead')!.records).toEqual([]);
    expect(objectOf(body, 'Demo Shop UAT', 'Contact')!.records.map((r) => r.name)).toEqual(['John Smith']);

    expect(searchCalls(demoOrg)).toBe(1);
    expect(searchCalls(uat.orgId)).toBe(1);
    expect(world.salesforce.admin.calls(demoOrg)[0]).toMatchObject({ kind: 'search', method: 'POST' });
  });

  it('finds a Lead and says which objects were searched', async () => {
    const body = await related(nora.email, chatWith(world, maria));
    const leads = objectOf(body, 'Demo Shop', 'Lead')!;
    expect(leads.searched).toBe(true);
    expect(leads.records.map((r) => r.name)).toEqual(['Maria Garcia']);
    expect(leads.records[0]!.fields.map((f) => f.label)).toEqual(['Status', 'Company']);
    expect(objectOf(body, 'Demo Shop', 'Contact')!.records).toEqual([]);
  });

  it('answers a new visitor with no records, still one call per account', async () => {
    const body = await related(nora.email, chatWith(world, zoe));
    expect(
      body.accounts.every((a) => a.state === 'ok' && a.objects.every((o) => o.records.length === 0)),
    ).toBe(true);
    expect(searchCalls(demoOrg)).toBe(1);
    expect(searchCalls(uat.orgId)).toBe(1);
  });

  it('asks Salesforce nothing when the visitor has no searchable value', async () => {
    const body = await related(nora.email, chatWith(world, { name: 'Visitor 4821' }));
    expect(body.accounts.map((a) => a.state)).toEqual(['no_searchable_values', 'no_searchable_values']);
    expect(body.accounts[0]!.message).toMatch(/no email/);
    expect(body.accounts[0]!.objects.map((o) => o.searched)).toEqual([false, false]);
    expect(searchCalls(demoOrg) + searchCalls(uat.orgId)).toBe(0);
  });

  it('reuses its answer for the same chat, and asks again on refresh', async () => {
    const chatId = chatWith(world, john);
    await related(nora.email, chatId);
    expect(searchCalls(demoOrg)).toBe(1);
    // The answer is kept after it is sent (the write is not waited for): one entry per account.
    await eventually(async () =>
      expect(await world.app.db.relatedRecordsCache.count({ where: { chatId } })).toBe(2),
    );

    const again = await related(owner.email, chatId);
    expect(objectOf(again, 'Demo Shop', 'Contact')!.records).toHaveLength(1);
    expect(searchCalls(demoOrg)).toBe(1);
    expect(searchCalls(uat.orgId)).toBe(1);

    await related(nora.email, chatId, true);
    expect(searchCalls(demoOrg)).toBe(2);
    expect(searchCalls(uat.orgId)).toBe(2);
  });

  it('never shows an account the agent may not use', async () => {
    const ownerToken = world.tokenFor(owner.email);
    await world.call(ownerToken, endpoints.putAccess, {
      params: { id: uat.accountId },
      body: { mode: 'agents', groupIds: [], agentEmails: [nate.email] },
    });
    try {
      const forNora = await related(nora.email, chatWith(world, john));
      expect(forNora.accounts.map((a) => a.account.label)).toEqual(['Demo Shop']);
      expect(JSON.stringify(forNora)).not.toContain(uat.accountId);
      expect(searchCalls(uat.orgId)).toBe(0);

      const forOwner = await related(owner.email, chatWith(world, john));
      expect(forOwner.accounts.map((a) => a.account.label)).toEqual(['Demo Shop', 'Demo Shop UAT']);
    } finally {
      await world.call(ownerToken, endpoints.putAccess, {
        params: { id: uat.accountId },
        body: { mode: 'everyone', groupIds: [], agentEmails: [] },
      });
    }
  });

  it('says so when the agent may use no account', async () => {
    const ownerToken = world.tokenFor(owner.email);
    for (const id of [demoAccount, uat.accountId]) {
      await world.call(ownerToken, endpoints.putAccess, {
        params: { id },
        body: { mode: 'agents', groupIds: [], agentEmails: [nate.email] },
      });
    }
    try {
      const body = await related(nora.email, chatWith(world, john));
      expect(body).toMatchObject({ state: 'no_accounts', accounts: [] });
      expect(body.message).toContain('Ask your license owner');
      // Owners use every account whatever the rules: they meet this only with none connected,
      // and are then told what to press (the reconnect test below shows the same split).
      expect((await related(owner.email, chatWith(world, john))).state).toBe('ok');
    } finally {
      for (const id of [demoAccount, uat.accountId]) {
        await world.call(ownerToken, endpoints.putAccess, {
          params: { id },
          body: { mode: 'everyone', groupIds: [], agentEmails: [] },
        });
      }
    }
  });

  it('tells an owner whose license has no account yet what to press', async () => {
    const [chat] = world.livechat.admin.chats(otherLicense.licenseId);
    const body = await related(oscar.email, chat!.id);
    expect(body).toMatchObject({ state: 'no_accounts', accounts: [] });
    expect(body.message).toContain('press Add account');
  });

  it('shows an account Salesforce refuses as needing reconnection, the others still answering', async () => {
    world.salesforce.admin.expireAccessTokens(uat.orgId);
    world.salesforce.admin.revokeRefreshTokens(uat.orgId);
    const body = await related(nora.email, chatWith(world, john));
    expect(accountNamed(body, 'Demo Shop')!.state).toBe('ok');
    expect(accountNamed(body, 'Demo Shop UAT')).toMatchObject({ state: 'needs_reconnect' });
    expect(accountNamed(body, 'Demo Shop UAT')!.message).toMatch(/reconnect/);
    // Advice for the reader: the agent is told whom to ask, the owner what to press.
    expect(accountNamed(body, 'Demo Shop UAT')!.message).toContain('Ask your license owner');
    const asOwner = await related(owner.email, chatWith(world, john));
    expect(accountNamed(asOwner, 'Demo Shop UAT')!.message).toContain('press Reconnect');
    expect(accountNamed(asOwner, 'Demo Shop UAT')!.message).not.toContain('Ask your license owner');
  });

  it('says when Salesforce is out of API calls or down', async () => {
    world.salesforce.admin.failNext(1, { kind: 'REQUEST_LIMIT_EXCEEDED', orgId: demoOrg });
    const limited = await related(nora.email, chatWith(world, john));
    expect(accountNamed(limited, 'Demo Shop')!.state).toBe('limit_reached');

    world.salesforce.admin.failNext(1, { kind: 503, orgId: demoOrg });
    const down = await related(nora.email, chatWith(world, john));
    expect(accountNamed(down, 'Demo Shop')!.state).toBe('unavailable');
  });

  it('refuses a request without a chat id, and one without sign-in', async () => {
    const res = await world.api(world.tokenFor(nora.email), '/api/widget/related');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.problems[0].path).toBe('query.chatId');
    expect((await world.api(null, '/api/widget/related?chatId=X')).status).toBe(401);
  });

  it('answers 404 for a chat LiveChat does not know', async () => {
    const res = await world.api(world.tokenFor(nora.email), '/api/widget/related?chatId=NO_SUCH_CHAT');
    expect(res.status).toBe(404);
  });
});
