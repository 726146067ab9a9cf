import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, demoOwner, otherOwnerEmail, startEmulator, type Started } from './support';

/**
 * Data centers, as LiveChat's SDKs use them: a token starts with its license's region (`dal:`,
 * `fra:`) and Web API requests carry it in `X-Region` (lc-sdk-go internal/web_api.go, lc-sdk-js
 * src/internal); a request in the wrong region gets `misdirected_request` with the right region.
 */
let lc: Started;
beforeAll(async () => {
  lc = await startEmulator();
});
afterAll(async () => {
  await lc?.close();
});

describe('regions', () => {
  it('gives each license’s tokens its region as a prefix', () => {
    expect(lc.tokenFor(demoOwner)).toMatch(/^dal:/);
    expect(lc.tokenFor(otherOwnerEmail)).toMatch(/^fra:/);
  });

  it('answers a fra token sent without X-Region (the default region) with misdirected_request naming fra', async () => {
    const res = await action(lc.url, 'configuration', 'list_agents', lc.tokenFor(otherOwnerEmail), {}, null);
    expect(res.status).toBe(421);
    expect(res.body).toEqual({
      error: { type: 'misdirected_request', message: 'Wrong region', data: { region: 'fra' } },
    });
  });

  it('serves a fra token with X-Region: fra, and refuses a dal token sent to fra', async () => {
    const fra = await action(lc.url, 'configuration', 'list_agents', lc.tokenFor(otherOwnerEmail), {}, 'fra');
    expect(fra.status).toBe(200);
    const wrong = await action(lc.url, 'configuration', 'list_agents', lc.tokenFor(demoOwner), {}, 'fra');
    expect(wrong.status).toBe(421);
    expect(wrong.body).toMatchObject({ error: { data: { region: 'dal' } } });
    const dal = await action(lc.url, 'configuration', 'list_agents', lc.tokenFor(demoOwner), {}, null);
    expect(dal.status).toBe(200);
  });
});
