/** `POST /v2/token` (authorization_code and refresh_token grants; form or JSON body) and `DELETE /v2/token` (§2.2). */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { AccountsError, sendAccountsError } from '../errors';
import type { OAuthClient } from '../model';
import type { TokenResponse } from '../wire';
import { bearerToken } from './bearer';
import { pkceSatisfied } from './pkce';
import type { Grant } from './tokenStore';

const codeGrant = z.object({
  grant_type: z.literal('authorization_code'),
  code: z.string().min(1),
  client_id: z.string().min(1),
  client_secret: z.string().optional(),
  redirect_uri: z.string().min(1),
  code_verifier: z.string().optional(),
});
const refreshGrant = z.object({
  grant_type: z.literal('refresh_token'),
  refresh_token: z.string().min(1),
  client_id: z.string().min(1),
  client_secret: z.string().optional(),
});
const tokenRequest = z.discriminatedUnion('grant_type', [codeGrant, refreshGrant]);

const invalidGrant = (why: string) => new AccountsError(400, 'invalid_grant', why);

function authenticateClient(ctx: EmulatorContext, clientId: string, secret: string | undefined): OAuthClient {
  const client = ctx.world.client(clientId);
  if (!client) throw new AccountsError(401, 'invalid_client', 'Client not found');
  if (client.clientSecret !== undefined && client.clientSecret !== secret) {
    throw new AccountsError(401, 'invalid_client', 'Invalid client secret');
  }
  return client;
}

export function tokenRouter(ctx: EmulatorContext): Router {
  const router = express.Router();
  const bodies = [express.json(), express.urlencoded({ extended: false })];

  const respond = (grant: Grant, refreshToken: string): TokenResponse => {
    const access = ctx.tokens.issueAccess(grant, { refreshToken });
    return {
      access_token: access.token,
      account_id: grant.accountId,
      client_id: grant.clientId,
      expires_in: ctx.tokens.ttlSeconds,
      organization_id: grant.organizationId,
      refresh_token: refreshToken,
      scope: grant.scopes.join(','),
      token_type: 'Bearer',
    };
  };

  router.post('/v2/token', ...bodies, (req, res) => {
    try {
      // An injected outage or rate limit, in the accounts service's error format (RFC 6749 §5.2
      // shape; LiveChat documents no status for these, so 429 and 5xx are what HTTP says).
      const fault = ctx.tokenFaults.shift();
      if (fault === 429) throw new AccountsError(429, 'too_many_requests', 'Too many requests');
      if (fault) throw new AccountsError(fault, 'server_error', 'Service temporarily unavailable');
      const grantType = (req.body as { grant_type?: unknown } | undefined)?.grant_type;
      if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
        throw new AccountsError(400, 'unsupported_grant_type', 'Unsupported grant_type');
      }
      const parsed = tokenRequest.safeParse(req.body);
      if (!parsed.success) {
        throw new AccountsError(
          400,
          'invalid_request',
          `Missing or invalid parameters: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
        );
      }
      const body = parsed.data;
      const client = authenticateClient(ctx, body.client_id, body.client_secret);
      if (body.grant_type === 'authorization_code') {
        const code = ctx.tokens.code(body.code);
        if (!code || code.used) throw invalidGrant('Invalid or already used code');
        if (code.expiresAt.getTime() <= ctx.clock.now().getTime()) throw invalidGrant('Code expired');
        if (code.clientId !== client.clientId) throw invalidGrant('Code issued to another client');
        if (code.redirectUri !== body.redirect_uri) throw invalidGrant('redirect_uri does not match');
        if (!pkceSatisfied(code, body.code_verifier)) throw invalidGrant('Invalid code_verifier');
        code.used = true;
        const grant: Grant = {
          clientId: code.clientId,
          accountId: code.accountId,
          organizationId: code.organizationId,
          scopes: code.scopes,
        };
        res.json(respond(grant, ctx.tokens.issueRefresh(grant).token));
        return;
      }
      const refresh = ctx.tokens.refresh(body.refresh_token);
      if (!refresh || refresh.clientId !== client.clientId) throw invalidGrant('Invalid refresh token');
      const grant: Grant = {
        clientId: refresh.clientId,
        accountId: refresh.accountId,
        organizationId: refresh.organizationId,
        scopes: refresh.scopes,
      };
      // Server-side apps (with a secret) keep their refresh token; public clients' tokens rotate.
      let refreshToken = refresh.token;
      if (client.clientSecret === undefined) {
        refresh.revoked = true;
        refreshToken = ctx.tokens.issueRefresh(grant).token;
      }
      res.json(respond(grant, refreshToken));
    } catch (err) {
      sendAccountsError(res, err);
    }
  });

  router.delete('/v2/token', (req, res) => {
    const token = bearerToken(req, true);
    if (!token || !ctx.tokens.revoke(token)) {
      sendAccountsError(res, new AccountsError(401, 'unauthorized', 'Invalid token'));
      return;
    }
    res.json({});
  });

  return router;
}
