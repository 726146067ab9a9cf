import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConnectedApp } from '../../../emulators/salesforce';
import { endpoints } from '../../../src/api/endpoints';
import { startWorld, type World } from '../../support/world';
import { nate, nora, olivia, victor } from '../../support/factories/people';

let world: World;
let owner: string;
let accountId: string;

beforeAll(async () => {
  world = await startWorld({ seed: true });
  owner = world.tokenFor(olivia.email);
  accountId = (await world.call(owner, endpoints.listAccounts)).accounts[0]!.id;
});
afterAll(async () => {
  await world?.close();
});

const usableBy = async (email: string) =>
  (await world.call(world.tokenFor(email), endpoints.listUsableAccounts)).accounts.map((a) => a.id);

describe('access rules', () => {
  it('lists the license’s agents and groups to choose from', async () => {
    const directory = await world.call(owner, endpoints.getDirectory);
    expect(directory.agents.map((a) => a.email)).toEqual(
      expect.arrayContaining([nora.email, nate.email, olivia.email]),
    );
    expect(directory.groups).toEqual(
      expect.arrayContaining([
        { id: 0, name: 'General' },
        { id: 1, name: 'Sales' },
      ]),
    );
    const listedNora = directory.agents.find((a) => a.email === nora.email);
    expect(listedNora?.groupIds).toEqual([0]);
  });

  it('lets everyone use a new account', async () => {
    expect(await usableBy(nora.email)).toEqual([accountId]);
    expect(await usableBy(nate.email)).toEqual([accountId]);
  });

  it('limits an account to chosen agents; owners and vice-owners keep access', async () => {
    const rule = await world.call(owner, endpoints.putAccess, {
      params: { id: accountId },
      body: { mode: 'agents', agentEmails: [nate.email.toUpperCase()] },
    });
    expect(rule).toEqual({ mode: 'agents', groupIds: [], agentEmails: [nate.email] });
    expect(await usableBy(nate.email)).toEqual([accountId]);
    expect(await usableBy(nora.email)).toEqual([]);
    expect(await usableBy(olivia.email)).toEqual([accountId]);
    expect(await usableBy(victor.email)).toEqual([accountId]);
    const got = await world.call(owner, endpoints.getAccess, { params: { id: accountId } });
    expect(got.mode).toBe('agents');
  });

  it('limits an account to chosen groups', async () => {
    await world.call(owner, endpoints.putAccess, {
      params: { id: accountId },
      body: { mode: 'groups', groupIds: [1] },
    });
    expect(await usableBy(nora.email)).toEqual([]);
    await world.call(owner, endpoints.putAccess, {
      params: { id: accountId },
      body: { mode: 'groups', groupIds: [0, 1] },
    });
    expect(await usableBy(nora.email)).toEqual([accountId]);
  });

  it('rejects a rule that names nobody, saying where', async () => {
    const res = await world.api(owner, `/api/settings/accounts/${accountId}/access`, {
      method: 'PUT',
      body: { mode: 'agents', agentEmails: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems).toEqual([
      { path: 'body.agentEmails', message: 'Choose at least one agent.' },
    ]);
    const bad = await world.api(owner, `/api/settings/accounts/${accountId}/access`, {
      method: 'PUT',
      body: { mode: 'agents', agentEmails: ['not-an-email'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.problems[0].path).toBe('body.agentEmails.0');
  });

  it('keeps the access change in the audit log', async () => {
    const audit = (await world.call(owner, endpoints.listAudit)).entries;
    expect(audit[0]).toMatchObject({ action: 'account.access_changed', actorEmail: olivia.email });
    expect(audit[0]?.summary).toBe('Changed who may use “Demo Shop”: 2 group(s)');
  });

  it('renames and removes an account, revoking its tokens and deleting its mappings and rules', async () => {
    const renamed = await world.call(owner, endpoints.renameAccount, {
      params: { id: accountId },
      body: { label: 'EU org' },
    });
    expect(renamed.account.label).toBe('EU org');
    const refresh = world.app.services.secretBox.decrypt(
      (await world.app.db.salesforceAccount.findUniqueOrThrow({ where: { id: accountId } })).refreshTokenEnc!,
    );
    await world.call(owner, endpoints.removeAccount, { params: { id: accountId } });
    expect((await world.call(owner, endpoints.listAccounts)).accounts).toEqual([]);
    expect(await world.app.db.objectMapping.count({ where: { accountId } })).toBe(0);
    expect(await world.app.db.accessRule.count({ where: { accountId } })).toBe(0);
    // Salesforce no longer accepts the revoked refresh token.
    const res = await fetch(`${world.salesforceUrl}/services/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refresh,
        client_id: demoConnectedApp.clientId,
        client_secret: demoConnectedApp.clientSecret,
      }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('invalid_grant');
    const audit = (await world.call(owner, endpoints.listAudit)).entries;
    expect(audit[0]?.summary).toBe('Removed “EU org” with its mappings and access rules');
  });
});
