import { makeId } from '../ids';
import type { OrgSettings } from '../org';
import { createSeedIds } from './ids';
import type { OrgSeed, RecordSeed, UserSeed } from './types';

export interface OrgSeedOptions {
  name: string;
  myDomain: string;
  /** Two characters unique to the org, used in all its ids. */
  pod: string;
  isSandbox?: boolean;
  /** Defaults to `00D<pod>…1`. */
  id?: string;
  users: Array<Omit<UserSeed, 'Id'> & { Id?: string }>;
  /** Records built with the org's id factory, so lookups can name seeded ids. */
  records?: (ids: (keyPrefix: string) => string, users: UserSeed[]) => RecordSeed[];
  settings?: Partial<OrgSettings> | ((users: UserSeed[]) => Partial<OrgSettings>);
  createdAt?: string;
}

/**
 * Builds the seed of an org (for tests that need more orgs, e.g. a sandbox of the demo company:
 * `buildOrgSeed({ name: 'Demo Shop (UAT)', myDomain: 'demo-shop--uat', pod: '9c', isSandbox: true, users })`).
 */
export function buildOrgSeed(options: OrgSeedOptions): OrgSeed {
  const ids = createSeedIds(options.pod);
  const users: UserSeed[] = options.users.map((user) => ({ ...user, Id: user.Id ?? ids('005') }));
  const settings =
    typeof options.settings === 'function' ? options.settings(users) : (options.settings ?? {});
  return {
    id: options.id ?? makeId('00D', options.pod, 1),
    name: options.name,
    myDomain: options.myDomain,
    isSandbox: options.isSandbox ?? false,
    pod: options.pod,
    users,
    records: options.records?.(ids, users) ?? [],
    settings,
    createdAt: options.createdAt ?? '2026-01-05T08:00:00.000Z',
  };
}

/** Splits "Olivia Owner" into first and last name. */
export function splitName(name: string): { FirstName: string; LastName: string } {
  const parts = name.trim().split(/\s+/);
  const LastName = parts.pop() ?? name;
  return { FirstName: parts.join(' '), LastName };
}
