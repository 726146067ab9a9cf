/** Who is calling the v3.5 APIs: the agent and license behind a Bearer token, and the scope checks. */
import type { Request } from 'express';
import type { z } from 'zod';
import { bearerToken } from '../accounts/bearer';
import type { Grant, PersonalTokenRecord } from '../accounts/tokenStore';
import type { EmulatorContext } from '../context';
import { apiErrors } from '../errors';
import type { License, LicenseAgent } from '../model';

export interface ApiCaller {
  /** The OAuth client behind a Bearer token; none for a personal access token. */
  clientId: string | undefined;
  license: License;
  agent: LicenseAgent;
  has(scope: string): boolean;
}

/** `Authorization: Basic base64(<account_id>:<personal_access_token>)` (Authorization › Personal Access Tokens). */
function personalToken(ctx: EmulatorContext, req: Request): PersonalTokenRecord | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return undefined;
  return ctx.tokens.personal(decoded.slice(0, colon), decoded.slice(colon + 1));
}

function grantOf(
  ctx: EmulatorContext,
  req: Request,
): { grant: Grant | PersonalTokenRecord; clientId?: string } {
  if (/^Basic\s/i.test(req.headers.authorization ?? '')) {
    const pat = personalToken(ctx, req);
    if (!pat) throw apiErrors.authentication();
    return { grant: pat };
  }
  const token = bearerToken(req);
  if (!token) throw apiErrors.authentication();
  const found = ctx.tokens.access(token);
  if (found.status !== 'valid') throw apiErrors.authentication();
  return { grant: found.record, clientId: found.record.clientId };
}

export function authenticate(ctx: EmulatorContext, req: Request): ApiCaller {
  const { grant, clientId } = grantOf(ctx, req);
  const license = ctx.world.licenseByOrganization(grant.organizationId);
  const agent = license?.agents.find((a) => a.accountId === grant.accountId);
  if (!license || !agent) throw apiErrors.authentication();
  // The region the request was sent to: `X-Region`, or the default data center (dal) without it.
  const asked = String(req.headers['x-region'] ?? 'dal').toLowerCase();
  const region = license.region ?? 'dal';
  if (asked !== region) throw apiErrors.misdirected(region);
  const scopes = grant.scopes;
  return { clientId, license, agent, has: (scope) => scopes.includes(scope) };
}

/** 403 unless the caller has at least one of the scopes. */
export function requireAnyScope(caller: ApiCaller, ...scopes: string[]): void {
  if (!scopes.some((s) => caller.has(s))) {
    throw apiErrors.authorization(`Scopes missing: ${scopes.join(' or ')}`);
  }
}

/** Parses a request body or throws LiveChat's validation error. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw apiErrors.validation('Wrong format of request', {
      field: field || undefined,
      reason: issue?.message,
    });
  }
  return parsed.data;
}
