/** Access tokens, refresh tokens and authorization codes, with expiry from the injected clock. */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../model';

export interface Grant {
  clientId: string;
  accountId: string;
  organizationId: string;
  scopes: string[];
}

export interface AccessTokenRecord extends Grant {
  token: string;
  expiresAt: Date;
  revoked: boolean;
  refreshToken?: string;
}

export interface RefreshTokenRecord extends Grant {
  token: string;
  revoked: boolean;
}

export interface CodeRecord extends Grant {
  code: string;
  redirectUri: string;
  expiresAt: Date;
  used: boolean;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

/**
 * A personal access token (Authorization › Personal Access Tokens): created in Developer Console,
 * it "always represents the account that created it", with the scopes chosen then; it is sent as
 * `Authorization: Basic base64(<account_id>:<token>)`. No client id goes with it.
 */
export interface PersonalTokenRecord {
  token: string;
  accountId: string;
  organizationId: string;
  scopes: string[];
}

export type AccessLookup =
  | { status: 'valid'; record: AccessTokenRecord; expiresIn: number }
  | { status: 'expired' | 'revoked' | 'unknown' };

export interface TokenStore {
  readonly ttlSeconds: number;
  issueAccess(grant: Grant, opts?: { refreshToken?: string; ttlSeconds?: number }): AccessTokenRecord;
  issueRefresh(grant: Grant): RefreshTokenRecord;
  issueCode(grant: Grant, extra: Omit<CodeRecord, keyof Grant | 'code' | 'expiresAt' | 'used'>): CodeRecord;
  code(code: string): CodeRecord | undefined;
  access(token: string): AccessLookup;
  refresh(token: string): RefreshTokenRecord | undefined;
  /** Revokes an access token (and its refresh token) or a refresh token (and its access tokens). False if unknown. */
  revoke(token: string): boolean;
  /** Makes an access token expire now. False if unknown. */
  expire(token: string): boolean;
  expireAll(): void;
  accessTokens(): AccessTokenRecord[];
  issuePersonal(accountId: string, organizationId: string, scopes: string[]): PersonalTokenRecord;
  /** The personal access token, only for the account that created it. */
  personal(accountId: string, token: string): PersonalTokenRecord | undefined;
  clear(): void;
}

const CODE_TTL_MS = 5 * 60_000;

function random(prefix: string): string {
  return prefix + randomBytes(18).toString('base64url');
}

/**
 * `regionOf` gives an organization's region: access tokens start with it, as LiveChat's do
 * (`dal:…`, `fra:…`; LiveChat's SDKs read the region from this prefix).
 */
export function createTokenStore(
  clock: Clock,
  ttlSeconds = 28_800,
  regionOf: (organizationId: string) => string = () => 'dal',
): TokenStore {
  const access = new Map<string, AccessTokenRecord>();
  const refresh = new Map<string, RefreshTokenRecord>();
  const codes = new Map<string, CodeRecord>();
  const personal = new Map<string, PersonalTokenRecord>();
  return {
    ttlSeconds,
    issueAccess(grant, opts = {}) {
      const record: AccessTokenRecord = {
        ...grant,
        scopes: [...grant.scopes],
        token: random(`${regionOf(grant.organizationId)}:`),
        expiresAt: new Date(clock.now().getTime() + (opts.ttlSeconds ?? ttlSeconds) * 1000),
        revoked: false,
        ...(opts.refreshToken !== undefined && { refreshToken: opts.refreshToken }),
      };
      access.set(record.token, record);
      return record;
    },
    issueRefresh(grant) {
      const record: RefreshTokenRecord = {
        ...grant,
        scopes: [...grant.scopes],
        token: random('dal:'),
        revoked: false,
      };
      // Refresh tokens no longer carry the region prefix (§2.2).
      record.token = record.token.slice(4);
      refresh.set(record.token, record);
      return record;
    },
    issueCode(grant, extra) {
      const record: CodeRecord = {
        ...grant,
        ...extra,
        code: random('dal:'),
        expiresAt: new Date(clock.now().getTime() + CODE_TTL_MS),
        used: false,
      };
      codes.set(record.code, record);
      return record;
    },
    code: (code) => codes.get(code),
    access(token) {
      const record = access.get(token);
      if (!record) return { status: 'unknown' };
      if (record.revoked) return { status: 'revoked' };
      const expiresIn = Math.floor((record.expiresAt.getTime() - clock.now().getTime()) / 1000);
      if (expiresIn <= 0) return { status: 'expired' };
      return { status: 'valid', record, expiresIn };
    },
    refresh: (token) => {
      const record = refresh.get(token);
      return record && !record.revoked ? record : undefined;
    },
    revoke(token) {
      const a = access.get(token);
      if (a) {
        a.revoked = true;
        if (a.refreshToken) {
          const r = refresh.get(a.refreshToken);
          if (r) r.revoked = true;
        }
        return true;
      }
      const r = refresh.get(token);
      if (r) {
        r.revoked = true;
        for (const t of access.values()) if (t.refreshToken === token) t.revoked = true;
        return true;
      }
      return false;
    },
    expire(token) {
      const a = access.get(token);
      if (!a) return false;
      a.expiresAt = new Date(clock.now().getTime() - 1000);
      return true;
    },
    expireAll() {
      for (const a of access.values()) a.expiresAt = new Date(clock.now().getTime() - 1000);
    },
    accessTokens: () => [...access.values()],
    issuePersonal(accountId, organizationId, scopes) {
      const record = {
        token: random(`${regionOf(organizationId)}:`),
        accountId,
        organizationId,
        scopes: [...scopes],
      };
      personal.set(record.token, record);
      return record;
    },
    personal(accountId, token) {
      const record = personal.get(token);
      return record?.accountId === accountId ? record : undefined;
    },
    clear() {
      personal.clear();
      access.clear();
      refresh.clear();
      codes.clear();
    },
  };
}
