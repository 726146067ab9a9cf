/** The default seed: the demo license, the other license and the OAuth clients. Deterministic for a given time. */
import { createIdGenerator } from '../ids';
import type { SeedData } from '../model';
import { defaultClients } from './clients';
import { buildDemoLicense } from './demoLicense';
import { buildOtherLicense } from './otherLicense';

export function buildDefaultSeed(now: Date, seed = 20_240_601): SeedData {
  const ids = createIdGenerator(seed);
  const customers = new Map<string, string>();
  return {
    licenses: [buildDemoLicense({ ids, now, customers }), buildOtherLicense({ ids, now, customers })],
    clients: defaultClients.map((c) => ({ ...c, redirectUris: [...c.redirectUris], scopes: [...c.scopes] })),
  };
}

export { allScopes, demoClient, otherClient } from './clients';
