import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgSeed, demoConnectedApp } from '../../../emulators/salesforce';
import { endpoints } from '../../../src/api/endpoints';
import { DEMO_ORG } from '../../support/automation';
import { approveSalesforce, relayedCallback } from '../../support/oauth';
import { startWorld, type World } from '../../support/world';
import { olivia, victor } from '../../support/factories/people';

let world: World;
let owner: string;

beforeAll(async () => {
  world = await startWorld({ seed: false });
  owner = world.tokenFor(olivia.email);
});
afterAll(async () => {
  await world?.close();
});

/** Add account → Salesforce's page (Allow) → the callback's code and state relayed by the settings app. */
async function connectNew(label: string, environment: 'production' | 'sandbox', username = olivia.email) {
  const created = await world.call(owner, endpoints.createAccount, { body: { label, environment } });
  const callback = await approveSalesforce(created.authorizeUrl, username);
  return { created, callback };
}

function sql<T>(query: string): Promise<T[]> {
  return world.app.db.$queryRawUnsafe<T[]>(query);
}

describe('connecting a Salesforce org', () => {
  it('connects through Salesforce’s OAuth flow with PKCE and shows the tile', async () => {
    const { created, callback } = await connectNew('EU production', 'production');
    const authorize = new URL(created.authorizeUrl);
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{40,}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${world.appUrl}/oauth/salesforce/callback`);
    expect(created.account.status).toBe('pending');

    const done = await world.call(owner, endpoints.completeSalesforceOAuth, {
      body: relayedCallback(callback),
    });
    expect(done.account).toMatchObject({
      label: 'EU production',
      environment: 'production',
      status: 'connected',
      org: { id: DEMO_ORG, name: 'Demo Shop' },
      connectedUser: { name: olivia.name, email: olivia.email },
      connectedBy: olivia.email,
    });
    const tiles = await world.call(owner, endpoints.listAccounts);
    expect(tiles.accounts.map((a) => [a.label, a.status])).toContainEqual(['EU production', 'connected']);
  });

  it('connects a second org as a sandbox', async () => {
    world.salesforce.admin.addOrg(
      buildOrgSeed({
        name: 'Demo Shop Sandbox',
        myDomain: 'demo-shop--uat',
        pod: '9c',
        isSandbox: true,
        users: [
          {
            Username: `${olivia.email}.sandbox`,
            FirstName: 'Olivia',
            LastName: 'Owner',
            Email: olivia.email,
          },
        ],
      }),
    );
    const { callback } = await connectNew('Sandbox', 'sandbox', `${olivia.email}.sandbox`);
    const done = await world.call(owner, endpoints.completeSalesforceOAuth, {
      body: relayedCallback(callback),
    });
    expect(done.account).toMatchObject({
      environment: 'sandbox',
      status: 'connected',
      org: { name: 'Demo Shop Sandbox' },
    });
  });

  it('connects the demo company’s UAT sandbox', async () => {
    const { callback } = await connectNew('UAT', 'sandbox', 'olivia.owner@uat.demo-shop.example');
    const done = await world.call(owner, endpoints.completeSalesforceOAuth, {
      body: relayedCallback(callback),
    });
    expect(done.account).toMatchObject({
      environment: 'sandbox',
      org: { name: 'Demo Shop (UAT sandbox)' },
    });
  });

  it('refuses a state used twice', async () => {
    const { callback } = await connectNew('Twice', 'production');
    const body = relayedCallback(callback);
    // The org is already connected as "EU production", so the first use is refused as a duplicate org…
    const first = await world.api(owner, '/api/settings/oauth/salesforce/complete', { body });
    expect(first.status).toBe(409);
    expect(first.body.error.message).toMatch(/already connected as “EU production”/);
    // …and the state cannot be used again whatever happens.
    const again = await world.api(owner, '/api/settings/oauth/salesforce/complete', { body });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('oauth_state_invalid');
  });

  it('refuses a state that another owner started', async () => {
    const { callback } = await connectNew('Someone else’s', 'production');
    const res = await world.api(world.tokenFor(victor.email), '/api/settings/oauth/salesforce/complete', {
      body: relayedCallback(callback),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('oauth_state_invalid');
  });

  it('refuses a missing or unknown state', async () => {
    const missing = await world.api(owner, '/api/settings/oauth/salesforce/complete', {
      body: { code: 'abc' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
    const unknown = await world.api(owner, '/api/settings/oauth/salesforce/complete', {
      body: { state: 'made-up', code: 'abc' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('oauth_state_invalid');
  });

  it('fails cleanly when the code was issued for another PKCE challenge', async () => {
    const created = await world.call(owner, endpoints.createAccount, {
      body: { label: 'Tampered', environment: 'production' },
    });
    const tampered = new URL(created.authorizeUrl);
    tampered.searchParams.set('code_challenge', 'A'.repeat(43));
    const callback = await approveSalesforce(tampered.toString(), olivia.email);
    const res = await world.api(owner, '/api/settings/oauth/salesforce/complete', {
      body: relayedCallback(callback),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('oauth_failed');
    expect(res.body.error.message).toMatch(/Salesforce/);
  });

  it('says in plain words that the owner denied access', async () => {
    const created = await world.call(owner, endpoints.createAccount, {
      body: { label: 'Denied', environment: 'production' },
    });
    const callback = await approveSalesforce(created.authorizeUrl, olivia.email, 'deny');
    expect(callback.get('error')).toBe('access_denied');
    const res = await world.api(owner, '/api/settings/oauth/salesforce/complete', {
      body: {
        state: callback.get('state'),
        error: callback.get('error'),
        errorDescription: callback.get('error_description'),
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'The connection was not allowed in Salesforce. Connect again and choose Allow.',
    );
  });

  it('refuses a My Domain outside the allowed hosts without contacting it', async () => {
    const before = (await world.call(owner, endpoints.listAccounts)).accounts.length;
    const res = await world.api(owner, '/api/settings/accounts', {
      body: { label: 'Evil', environment: 'custom', myDomainUrl: 'https://login.evil.example.com' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('login_host_not_allowed');
    expect(res.body.error.details.problems[0].path).toBe('body.myDomainUrl');
    expect((await world.call(owner, endpoints.listAccounts)).accounts.length).toBe(before);
  });

  it('accepts a My Domain on an allowed host', async () => {
    const created = await world.call(owner, endpoints.createAccount, {
      body: { label: 'My Domain', environment: 'custom', myDomainUrl: world.salesforceUrl },
    });
    expect(created.authorizeUrl.startsWith(`${world.salesforceUrl}/services/oauth2/authorize?`)).toBe(true);
  });

  it('refuses to reconnect an account to a different org', async () => {
    const { accounts } = await world.call(owner, endpoints.listAccounts);
    const sandbox = accounts.find((a) => a.label === 'Sandbox')!;
    const start = await world.call(owner, endpoints.reconnectAccount, { params: { id: sandbox.id } });
    const callback = await approveSalesforce(start.authorizeUrl, olivia.email);
    const res = await world.api(owner, '/api/settings/oauth/salesforce/complete', {
      body: relayedCallback(callback),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/You signed in to Demo Shop/);
  });
});

describe('secrets', () => {
  it('keeps only ciphertext of tokens in the database', async () => {
    const rows = await sql<{ access_token_enc: string; refresh_token_enc: string; token_key_id: string }>(
      `SELECT access_token_enc, refresh_token_enc, token_key_id FROM salesforce_accounts WHERE status = 'connected'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const session = world.salesforce.admin.issueSession({
      username: olivia.email,
      clientId: demoConnectedApp.clientId,
    });
    for (const row of rows) {
      expect(row.access_token_enc).toMatch(/^v1\.k1\./);
      expect(row.refresh_token_enc).toMatch(/^v1\.k1\./);
      expect(row.access_token_enc).not.toContain('!');
      expect(row.token_key_id).toBe('k1');
    }
    // Tokens have a recognisable shape: none of them appears in plain text anywhere in the table.
    const dump = JSON.stringify(await sql(`SELECT * FROM salesforce_accounts`));
    expect(dump).not.toContain(session.refreshToken.slice(0, 12));
    expect(dump).not.toMatch(/00D[\w]{12,15}![\w.]+/);
  });

  it('never sends a token in an API response or writes one to the log', async () => {
    // The raw text, not the parsed answer: parsing would drop a field the contract does not name.
    const responses = [
      (await world.api(owner, '/api/settings/accounts')).text,
      (await world.api(owner, '/api/widget/accounts')).text,
      (await world.api(owner, '/api/settings/audit')).text,
    ].join('\n');
    expect(responses).not.toMatch(/"(access|refresh)_?[tT]oken/);
    expect(responses).not.toMatch(/00D[\w]{12,15}![\w.]+/);
    const log = world.logs.join('');
    expect(log).not.toMatch(/00D[\w]{12,15}![\w.]+/);
    expect(log).not.toContain(owner);
    expect(log).not.toMatch(/Bearer [\w:]{10,}/);
  });

  it('records an audit entry for each change', async () => {
    const { entries } = await world.call(owner, endpoints.listAudit, { query: { limit: 200 } });
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['account.created', 'account.connected']),
    );
    expect(entries[0]).toMatchObject({ actorEmail: olivia.email, summary: expect.any(String) });
  });
});
