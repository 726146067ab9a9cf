import { demoConnectedApp } from './connected-app';
import { demoOrgSeed } from './demo-org';
import { otherOrgSeed } from './other-org';
import type { EmulatorSeed } from './types';

export { buildOrgSeed, splitName } from './build-seed';
export type { OrgSeedOptions } from './build-seed';
export { demoConnectedApp } from './connected-app';
export { demoOrgSeed } from './demo-org';
export { otherOrgSeed } from './other-org';
export type { ConnectedAppSeed, EmulatorSeed, OrgSeed, RecordSeed, RecordTypeSeed, UserSeed } from './types';

/** The default world: the demo connected app, the demo org and the other company's org. */
export function buildDemoSeed(): EmulatorSeed {
  return { connectedApps: [demoConnectedApp], orgs: [demoOrgSeed(), otherOrgSeed()] };
}
