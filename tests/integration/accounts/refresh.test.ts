import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import { DEMO_ORG } from '../../support/automation';
import { approveSalesforce, relayedCallback } from '../../support/oauth';
import { startWorld, type World } from '../../support/world';
import { nora, olivia } from '../../support/factories/people';

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

const stored = async () =>
  (await world.app.db.salesforceAccount.findUniqueOrThrow({ where: { id: accountId } })) as {
    accessTokenEnc: string;
    refreshTokenEnc: string;
    status: string;
    statusReason: string | null;
  };

/** A call that always reaches Salesforce (record lookup for the reference picker). */
const lookup = () =>
  world.call(owner, endpoints.lookupRecords, {
    params: { id: accountId },
    query: { object: 'User', q: 'Nora' },
  });

describe('a connection whose access token expired', () => {
  it('refreshes it, retries, and saves the new token', async () => {
    const before = await stored();
    world.salesforce.admin.expireAccessTokens(DEMO_ORG);
    const { records } = await lookup();
    expect(records).toEqual([{ id: '0055g0000000004AAA', name: 'Nora Agent' }]);
    const after = await stored();
    expect(after.accessTokenEnc).not.toBe(before.accessTokenEnc);
    expect(world.app.services.secretBox.decrypt(after.refreshTokenEnc)).toBe(
      world.app.services.secretBox.decrypt(before.refreshTokenEnc),
    );
  });

  it('saves a rotated refresh token', async () => {
    const before = await stored();
    world.salesforce.admin.setRefreshTokenRotation(DEMO_ORG, true);
    world.salesforce.admin.expireAccessTokens(DEMO_ORG);
    await lookup();
    const after = await stored();
    const box = world.app.services.secretBox;
    expect(box.decrypt(after.refreshTokenEnc)).not.toBe(box.decrypt(before.refreshTokenEnc));
    // The rotated token works for the next refresh.
    world.salesforce.admin.expireAccessTokens(DEMO_ORG);
    await lookup();
    world.salesforce.admin.setRefreshTokenRotation(DEMO_ORG, false);
  });

  it('refreshes once when many requests find the token expired at the same time', async () => {
    const refreshesLogged = () =>
      world.logs.filter((line) => line.includes('"msg":"access token refreshed"')).length;
    world.salesforce.admin.expireAccessTokens(DEMO_ORG);
    const before = refreshesLogged();
    const results = await Promise.all(Array.from({ length: 5 }, () => lookup()));
    expect(results).toHaveLength(5);
    expect(refreshesLogged() - before).toBe(1);
  });
});

describe('a connection whose refresh token was revoked', () => {
  it('marks the account "needs reconnect" and the tile says so', async () => {
    world.salesforce.admin.revokeRefreshTokens(DEMO_ORG);
    world.salesforce.admin.expireAccessTokens(DEMO_ORG);
    const res = await world.api(owner, `/api/settings/accounts/${accountId}/lookup?object=User&q=Nora`);
    expect(res.body.error.message).toBe(
      'Salesforce no longer accepts this connection. Reconnect the account.',
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('salesforce_needs_reconnect');
    const tile = (await world.call(owner, endpoints.listAccounts)).accounts[0];
    expect(tile?.status).toBe('needs_reconnect');
    expect(tile?.statusReason).toMatch(/Reconnect the account/);
    const widget = await world.call(world.tokenFor(nora.email), endpoints.listUsableAccounts);
    expect(widget.accounts[0]?.status).toBe('needs_reconnect');
  });

  it('works again after the owner reconnects', async () => {
    const start = await world.call(owner, endpoints.reconnectAccount, { params: { id: accountId } });
    const callback = await approveSalesforce(start.authorizeUrl, olivia.email);
    const done = await world.call(owner, endpoints.completeSalesforceOAuth, {
      body: relayedCallback(callback),
    });
    expect(done.account.status).toBe('connected');
    await lookup();
    const audit = (await world.call(owner, endpoints.listAudit)).entries;
    expect(audit[0]?.action).toBe('account.reconnected');
  });
});
