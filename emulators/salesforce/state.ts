import type { Clock } from './clock';
import { FaultInjector } from './faults';
import type { Org } from './org';
import type { SfRecord } from './records/store';
import { buildOrg } from './seed/build-org';
import type { ConnectedAppSeed, EmulatorSeed, OrgSeed } from './seed/types';
import { SessionStore } from './sessions';

/** Everything the emulator holds: connected apps, orgs, sessions and the test controls. */
export interface EmulatorState {
  clock: Clock;
  orgSeeds: OrgSeed[];
  apps: Map<string, ConnectedAppSeed>;
  orgs: Map<string, Org>;
  sessions: SessionStore;
  faults: FaultInjector;
  latencyMs: number;
  /** Fixed public base URL, when set; otherwise each answer uses the request's own origin. */
  publicUrl: string | undefined;
}

export function createState(seed: EmulatorSeed, clock: Clock, publicUrl: string | undefined): EmulatorState {
  return {
    clock,
    orgSeeds: [...seed.orgs],
    apps: new Map(seed.connectedApps.map((app) => [app.clientId, app])),
    orgs: new Map(seed.orgs.map((orgSeed) => [orgSeed.id, buildOrg(orgSeed)])),
    sessions: new SessionStore(),
    faults: new FaultInjector(),
    latencyMs: 0,
    publicUrl,
  };
}

export interface UserRef {
  org: Org;
  user: SfRecord;
}

/** The user with this username in any org (usernames are unique across Salesforce). */
export function findUserByUsername(state: EmulatorState, username: string): UserRef | undefined {
  const wanted = username.trim().toLowerCase();
  for (const org of state.orgs.values()) {
    const user = org.store.all('User').find((u) => String(u.Username).toLowerCase() === wanted);
    if (user) return { org, user };
  }
  return undefined;
}

export function userOf(org: Org, userId: string): SfRecord | undefined {
  return org.store.get('User', userId);
}

/** True when a redirect URI is registered on the app, exactly or by prefix. */
export function redirectAllowed(app: ConnectedAppSeed, redirectUri: string): boolean {
  return (
    app.redirectUris.includes(redirectUri) || app.redirectUriPrefixes.some((p) => redirectUri.startsWith(p))
  );
}
