import { makeId } from '../ids';
import type { OrgSettings } from '../org';
import { createSeedIds } from './ids';
import type { FieldDef } from '../metadata/types';
import type { OrgSeed, RecordSeed, RecordTypeSeed, UserSeed } from './types';

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
  /** Custom fields added to standard objects, by object name. */
  extraFields?: Record<string, FieldDef[]>;
  /** Record types, built after the records so that adding them leaves the records' ids unchanged. */
  recordTypes?: (ids: (keyPrefix: string) => string) => RecordTypeSeed[];
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
  const records = options.records?.(ids, users) ?? [];
  const recordTypes = options.recordTypes?.(ids);
  return {
    id: options.id ?? makeId('00D', options.pod, 1),
    name: options.name,
    myDomain: options.myDomain,
    isSandbox: options.isSandbox ?? false,
    pod: options.pod,
    users,
    records,
    settings,
    createdAt: options.createdAt ?? '2026-01-05T08:00:00.000Z',
    ...(options.extraFields ? { extraFields: options.extraFields } : {}),
    ...(recordTypes ? { recordTypes } : {}),
  };
}

/** Splits "Olivia Owner" into first and last name. */
export function splitName(name: string): { FirstName: string; LastName: string } {
  const parts = name.trim().split(/\s+/);
  const LastName = parts.pop() ?? name;
  return { FirstName: parts.join(' '), LastName };
}
