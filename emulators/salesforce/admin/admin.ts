import type { FailNextOptions, FailRateOptions } from '../faults';
import type { FieldDef } from '../metadata/types';
import { objectOf } from '../org';
import type { CallKind, CallLogEntry, Org, OrgSettings } from '../org';
import { createRecord } from '../records/write';
import type { FieldValue, SfRecord } from '../records/store';
import { buildOrg } from '../seed/build-org';
import type { OrgSeed } from '../seed/types';
import { findUserByUsername } from '../state';
import type { EmulatorState } from '../state';

export interface OrgSummary {
  id: string;
  name: string;
  myDomain: string;
  isSandbox: boolean;
  apiUsage: number;
  dailyApiLimit: number;
  users: { id: string; username: string; email: string; name: string }[];
}

export interface CallFilter {
  kind?: CallKind;
  /** Only calls that counted against the limit (true) or only refused ones (false). */
  counted?: boolean;
  /** Only calls whose `Sforce-Call-Options` named this client. */
  client?: string;
}

/** An org's daily API usage: calls used so far and the daily limit (`Sforce-Limit-Info`, `/limits`). */
export interface ApiUsage {
  used?: number;
  limit?: number;
}

/** Fields to match (equal, strings case-insensitively), or a predicate. */
export type RecordFilter = Partial<Record<string, FieldValue>> | ((record: SfRecord) => boolean);

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
  orgId: string;
  userId: string;
}

/** Test and benchmark controls of the Salesforce emulator (also served under `/__admin`). */
export interface SalesforceEmulatorAdmin {
  orgs(): OrgSummary[];
  /** The calls an org received, oldest first. */
  calls(orgId: string, filter?: CallFilter): CallLogEntry[];
  callCount(orgId: string, filter?: CallFilter): number;
  clearCalls(orgId?: string): void;
  /** Fail the next `count` matching requests with one of the `FaultKind`s (see faults.ts). */
  failNext(count: number, options: FailNextOptions): void;
  /** Fail a fraction of requests (seeded random, for chaos tests). */
  failRate(options: FailRateOptions): void;
  /** Removes planned and random failures; requests held by a `hang` fault go on. */
  clearFaults(): void;
  /** How many requests a `hang` fault holds now. */
  heldRequests(): number;
  /** Expire every access token of an org (all orgs without an id); refresh tokens keep working. */
  expireAccessTokens(orgId?: string): number;
  revokeRefreshToken(token: string): boolean;
  revokeRefreshTokens(orgId: string): number;
  setRefreshTokenRotation(orgId: string, enabled: boolean): void;
  /** Delay every answer by this many milliseconds. */
  setLatency(ms: number): void;
  setDailyApiLimit(orgId: string, max: number): void;
  /** Calls used today (a number), or the used count and the daily limit at once. */
  setApiUsage(orgId: string, usage: number | ApiUsage): void;
  getApiUsage(orgId: string): { used: number; limit: number };
  updateSettings(orgId: string, settings: Partial<OrgSettings>): void;
  findRecords(
    orgId: string,
    objectName: string,
    filter?: RecordFilter,
    options?: { includeDeleted?: boolean },
  ): SfRecord[];
  getRecord(orgId: string, id: string): { objectName: string; record: SfRecord } | undefined;
  /** Creates a record with the API's validation but without counting, assignment or duplicate rules. */
  insertRecord(orgId: string, objectName: string, fields: Record<string, unknown>, asUserId?: string): string;
  /** Adds (or replaces) a field; the object's describe Last-Modified moves to now. */
  addField(orgId: string, objectName: string, field: FieldDef): void;
  /** Marks an object's metadata changed now (describe answers 200 again). */
  touchMetadata(orgId: string, objectName: string): void;
  addOrg(seed: OrgSeed): void;
  /** Logs a user in without the browser step: a session as if the OAuth flow had run. */
  issueSession(options: {
    username: string;
    clientId?: string;
    origin?: string;
    /** Granted scopes; default all of the app's (`refresh_token api id web` for the demo app). */
    scopes?: string[];
  }): IssuedSession;
  /**
   * Back to the seed: records, settings, usage, logs, faults and latency (requests held by `hang`
   * are dropped). Tokens stay valid unless `sessions: true`.
   */
  reset(options?: { sessions?: boolean }): void;
}

function requireOrg(state: EmulatorState, orgId: string): Org {
  const org =
    state.orgs.get(orgId) ?? [...state.orgs.values()].find((o) => o.id.slice(0, 15) === orgId.slice(0, 15));
  if (!org) throw new Error(`no org ${orgId}`);
  return org;
}

function matches(filter: RecordFilter | undefined, record: SfRecord): boolean {
  if (!filter) return true;
  if (typeof filter === 'function') return filter(record);
  return Object.entries(filter).every(([key, wanted]) => {
    const actual =
      record[key] ?? Object.entries(record).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1] ?? null;
    if (typeof wanted === 'string' && typeof actual === 'string')
      return wanted.toLowerCase() === actual.toLowerCase();
    return actual === (wanted ?? null);
  });
}

export function createAdmin(
  state: EmulatorState,
  baseUrl: () => string | undefined,
): SalesforceEmulatorAdmin {
  const filterCalls = (orgId: string, filter: CallFilter = {}) =>
    requireOrg(state, orgId).calls.filter(
      (c) =>
        (filter.kind === undefined || c.kind === filter.kind) &&
        (filter.counted === undefined || c.counted === filter.counted) &&
        (filter.client === undefined || c.client === filter.client),
    );
  return {
    orgs: () =>
      [...state.orgs.values()].map((org) => ({
        id: org.id,
        name: org.name,
        myDomain: org.myDomain,
        isSandbox: org.isSandbox,
        apiUsage: org.apiUsage,
        dailyApiLimit: org.settings.dailyApiLimit,
        users: org.store.all('User').map((u) => ({
          id: String(u.Id),
          username: String(u.Username),
          email: String(u.Email),
          name: String(u.Name),
        })),
      })),
    calls: (orgId, filter) => structuredClone(filterCalls(orgId, filter)),
    callCount: (orgId, filter) => filterCalls(orgId, filter).length,
    clearCalls: (orgId) => {
      for (const org of state.orgs.values()) if (orgId === undefined || org.id === orgId) org.calls = [];
    },
    failNext: (count, options) => state.faults.failNext(count, options),
    failRate: (options) => state.faults.failRate(options),
    clearFaults: () => state.faults.clear(),
    heldRequests: () => state.faults.heldCount(),
    expireAccessTokens: (orgId) =>
      state.sessions.expireAccessTokens(orgId === undefined ? undefined : requireOrg(state, orgId).id),
    revokeRefreshToken: (token) => state.sessions.revokeRefreshToken(token),
    revokeRefreshTokens: (orgId) => state.sessions.revokeRefreshTokens(requireOrg(state, orgId).id),
    setRefreshTokenRotation: (orgId, enabled) => {
      requireOrg(state, orgId).settings.refreshTokenRotation = enabled;
    },
    setLatency: (ms) => {
      state.latencyMs = Math.max(0, ms);
    },
    setDailyApiLimit: (orgId, max) => {
      requireOrg(state, orgId).settings.dailyApiLimit = max;
    },
    setApiUsage: (orgId, usage) => {
      const org = requireOrg(state, orgId);
      const { used, limit } = typeof usage === 'number' ? { used: usage, limit: undefined } : usage;
      if (used !== undefined) org.apiUsage = used;
      if (limit !== undefined) org.settings.dailyApiLimit = limit;
    },
    getApiUsage: (orgId) => {
      const org = requireOrg(state, orgId);
      return { used: org.apiUsage, limit: org.settings.dailyApiLimit };
    },
    updateSettings: (orgId, settings) => {
      const org = requireOrg(state, orgId);
      org.settings = { ...org.settings, ...settings };
    },
    findRecords: (orgId, objectName, filter, options) => {
      const org = requireOrg(state, orgId);
      const object = objectOf(org, objectName);
      if (!object) throw new Error(`no object ${objectName}`);
      return structuredClone(
        org.store.all(object.name, options?.includeDeleted).filter((r) => matches(filter, r)),
      );
    },
    getRecord: (orgId, id) => structuredClone(requireOrg(state, orgId).store.find(id)),
    insertRecord: (orgId, objectName, fields, asUserId) => {
      const org = requireOrg(state, orgId);
      const userId = asUserId ?? String(org.store.all('User')[0]?.Id);
      return createRecord(
        {
          org,
          userId,
          now: state.clock.now(),
          version: '62.0',
          headers: { 'sforce-auto-assign': 'FALSE', 'sforce-duplicate-rule-header': 'allowSave=true' },
        },
        objectName,
        fields,
      );
    },
    addField: (orgId, objectName, field) => {
      const org = requireOrg(state, orgId);
      const object = objectOf(org, objectName);
      if (!object) throw new Error(`no object ${objectName}`);
      object.fields = [
        ...object.fields.filter((f) => f.name.toLowerCase() !== field.name.toLowerCase()),
        field,
      ];
      object.lastModified = state.clock.now();
      for (const record of org.store.all(object.name, true)) {
        if (!(field.name in record)) record[field.name] = field.defaultValue;
      }
    },
    touchMetadata: (orgId, objectName) => {
      const object = objectOf(requireOrg(state, orgId), objectName);
      if (!object) throw new Error(`no object ${objectName}`);
      object.lastModified = state.clock.now();
    },
    addOrg: (seed) => {
      if (state.orgs.has(seed.id)) throw new Error(`org ${seed.id} exists`);
      state.orgSeeds.push(seed);
      state.orgs.set(seed.id, buildOrg(seed));
    },
    issueSession: ({ username, clientId, origin, scopes }) => {
      const found = findUserByUsername(state, username);
      if (!found) throw new Error(`no user ${username}`);
      const app = clientId ? state.apps.get(clientId) : [...state.apps.values()][0];
      if (!app) throw new Error('no connected app');
      const userId = String(found.user.Id);
      const refresh = state.sessions.issueRefreshToken({
        clientId: app.clientId,
        orgId: found.org.id,
        userId,
        scopes: scopes ?? app.scopes,
      });
      const session = state.sessions.issueAccessToken(
        found.org.id,
        { userId, clientId: app.clientId, scopes: scopes ?? app.scopes, refreshToken: refresh.token },
        state.clock.now().getTime(),
      );
      const instanceUrl = origin ?? baseUrl() ?? state.publicUrl ?? '';
      return {
        accessToken: session.token,
        refreshToken: refresh.token,
        instanceUrl,
        orgId: found.org.id,
        userId,
      };
    },
    reset: (options) => {
      state.orgs = new Map(state.orgSeeds.map((seed) => [seed.id, buildOrg(seed)]));
      state.faults.releaseHeld(false);
      state.faults.clear();
      state.latencyMs = 0;
      if (options?.sessions) state.sessions.clear();
    },
  };
}
