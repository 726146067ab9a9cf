import { randomAlphanumeric } from './random';

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  orgId: string;
  userId: string;
  scopes: string[];
  codeChallenge: string | undefined;
  expiresAt: number;
}

export interface RefreshGrant {
  token: string;
  clientId: string;
  orgId: string;
  userId: string;
  scopes: string[];
  revoked: boolean;
}

export interface AccessSession {
  token: string;
  orgId: string;
  userId: string;
  clientId: string;
  scopes: string[];
  refreshToken: string | undefined;
  issuedAt: number;
  lastUsedAt: number;
  revoked: boolean;
}

/** Authorization codes live 15 minutes (UNCONFIRMED in the reference; the commonly quoted value). */
export const AUTH_CODE_TTL_MS = 15 * 60 * 1000;

/** The tokens and codes the OAuth endpoints hand out, shared by every org on the login host. */
export class SessionStore {
  private codes = new Map<string, AuthCode>();
  private refreshTokens = new Map<string, RefreshGrant>();
  private accessTokens = new Map<string, AccessSession>();

  issueCode(grant: Omit<AuthCode, 'code' | 'expiresAt'>, now: number): AuthCode {
    const code: AuthCode = {
      ...grant,
      code: `aPrx${randomAlphanumeric(60)}`,
      expiresAt: now + AUTH_CODE_TTL_MS,
    };
    this.codes.set(code.code, code);
    return code;
  }

  /** Takes a code out (codes are single-use); undefined when unknown, used or expired. */
  consumeCode(code: string, now: number): AuthCode | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found && found.expiresAt > now ? found : undefined;
  }

  issueRefreshToken(grant: Omit<RefreshGrant, 'token' | 'revoked'>): RefreshGrant {
    const refresh: RefreshGrant = { ...grant, token: `5Aep861${randomAlphanumeric(80)}`, revoked: false };
    this.refreshTokens.set(refresh.token, refresh);
    return refresh;
  }

  refreshGrant(token: string): RefreshGrant | undefined {
    const grant = this.refreshTokens.get(token);
    return grant && !grant.revoked ? grant : undefined;
  }

  issueAccessToken(
    orgId: string,
    grant: { userId: string; clientId: string; scopes: string[]; refreshToken: string | undefined },
    now: number,
  ): AccessSession {
    const session: AccessSession = {
      ...grant,
      orgId,
      token: `${orgId.slice(0, 15)}!AQ${randomAlphanumeric(6)}.${randomAlphanumeric(96)}`,
      issuedAt: now,
      lastUsedAt: now,
      revoked: false,
    };
    this.accessTokens.set(session.token, session);
    return session;
  }

  /** The live session of an access token, touched as used; undefined when unknown, revoked or timed out. */
  useAccessToken(
    token: string,
    now: number,
    timeoutMs: (orgId: string) => number,
  ): AccessSession | undefined {
    const session = this.accessTokens.get(token);
    if (!session || session.revoked) return undefined;
    if (now - session.lastUsedAt > timeoutMs(session.orgId)) {
      session.revoked = true;
      return undefined;
    }
    session.lastUsedAt = now;
    return session;
  }

  peekAccessToken(token: string): AccessSession | undefined {
    const session = this.accessTokens.get(token);
    return session && !session.revoked ? session : undefined;
  }

  /** Expires every access token of an org (refresh tokens stay valid). Returns how many. */
  expireAccessTokens(orgId?: string): number {
    let count = 0;
    for (const session of this.accessTokens.values()) {
      if (!session.revoked && (orgId === undefined || session.orgId === orgId)) {
        session.revoked = true;
        count += 1;
      }
    }
    return count;
  }

  /** Revokes a refresh token and the access tokens issued from it. */
  revokeRefreshToken(token: string): boolean {
    const grant = this.refreshTokens.get(token);
    if (!grant || grant.revoked) return false;
    grant.revoked = true;
    for (const session of this.accessTokens.values())
      if (session.refreshToken === token) session.revoked = true;
    return true;
  }

  /** Revokes every refresh token of an org (and their access tokens). */
  revokeRefreshTokens(orgId: string): number {
    let count = 0;
    for (const grant of this.refreshTokens.values()) {
      if (grant.orgId === orgId && this.revokeRefreshToken(grant.token)) count += 1;
    }
    return count;
  }

  revokeAccessToken(token: string): boolean {
    const session = this.accessTokens.get(token);
    if (!session || session.revoked) return false;
    session.revoked = true;
    return true;
  }

  refreshTokensOf(orgId: string): RefreshGrant[] {
    return [...this.refreshTokens.values()].filter((g) => g.orgId === orgId && !g.revoked);
  }

  clear(): void {
    this.codes.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
  }
}
