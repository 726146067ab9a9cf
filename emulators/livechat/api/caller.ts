/** Who is calling the v3.5 APIs: the agent and license behind a Bearer token, and the scope checks. */
import type { Request } from 'express';
import type { z } from 'zod';
import { bearerToken } from '../accounts/bearer';
import type { AccessTokenRecord } from '../accounts/tokenStore';
import type { EmulatorContext } from '../context';
import { apiErrors } from '../errors';
import type { License, LicenseAgent } from '../model';

export interface ApiCaller {
  token: AccessTokenRecord;
  license: License;
  agent: LicenseAgent;
  has(scope: string): boolean;
}

export function authenticate(ctx: EmulatorContext, req: Request): ApiCaller {
  const token = bearerToken(req);
  if (!token) throw apiErrors.authentication();
  const found = ctx.tokens.access(token);
  if (found.status !== 'valid') throw apiErrors.authentication();
  const license = ctx.world.licenseByOrganization(found.record.organizationId);
  const agent = license?.agents.find((a) => a.accountId === found.record.accountId);
  if (!license || !agent) throw apiErrors.authentication();
  // The region the request was sent to: `X-Region`, or the default data center (dal) without it.
  const asked = String(req.headers['x-region'] ?? 'dal').toLowerCase();
  const region = license.region ?? 'dal';
  if (asked !== region) throw apiErrors.misdirected(region);
  const scopes = found.record.scopes;
  return { token: found.record, license, agent, has: (scope) => scopes.includes(scope) };
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
