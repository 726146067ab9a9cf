/**
 * `GET /v2/info` (token information) and `GET /v2/accounts/me` (§2.2, §2.3).
 * `/v2/info` answers a missing, invalid, expired or revoked token with 422 `{error:"invalid_request",…}`,
 * the one error status the Global Accounts API spec lists for it; `/v2/accounts/me` with 401
 * `{error:"unauthorized",…}`, as the spec lists for the accounts endpoints.
 */
import express, { type Request, type Router } from 'express';
import type { EmulatorContext } from '../context';
import { AccountsError, sendAccountsError } from '../errors';
import type { AccessTokenRecord } from './tokenStore';
import { bearerToken } from './bearer';

function validToken(
  ctx: EmulatorContext,
  req: Request,
  allowQueryCode: boolean,
  refusal: { status: number; error: string } = { status: 401, error: 'unauthorized' },
): { record: AccessTokenRecord; expiresIn: number } {
  const token = bearerToken(req, allowQueryCode);
  if (!token) throw new AccountsError(refusal.status, refusal.error, 'Missing access token');
  const found = ctx.tokens.access(token);
  if (found.status !== 'valid') {
    throw new AccountsError(
      refusal.status,
      refusal.error,
      found.status === 'expired' ? 'Access token expired' : 'Invalid access token',
    );
  }
  return found;
}

export function infoRouter(ctx: EmulatorContext): Router {
  const router = express.Router();

  router.get('/v2/info', (req, res) => {
    try {
      // Global Accounts API › Tokens › Introspect (`GET /info`): the token "can be provided via
      // authorization or a query string" (`code`); responses 200, 422 ("Invalid request") and 500.
      const { record, expiresIn } = validToken(ctx, req, true, { status: 422, error: 'invalid_request' });
      // Authorization › OAuth authorization › Validating the access token: access_token,
      // account_id, client_id, expires_in, organization_id, scope ("A comma-separated list"),
      // token_type `Bearer`, and `refresh_token` "Returned optionally": "If an access token was
      // obtained using a refresh token, the response will return both tokens" (the spec: "Not
      // available for tokens minted with implicit grant flow").
      const refreshToken = record.refreshToken && ctx.tokens.refresh(record.refreshToken)?.token;
      res.json({
        access_token: record.token,
        account_id: record.accountId,
        client_id: record.clientId,
        expires_in: expiresIn,
        organization_id: record.organizationId,
        ...(refreshToken && { refresh_token: refreshToken }),
        scope: record.scopes.join(','),
        token_type: 'Bearer',
      });
    } catch (err) {
      sendAccountsError(res, err);
    }
  });

  router.get('/v2/accounts/me', (req, res) => {
    try {
      const { record } = validToken(ctx, req, false);
      if (!record.scopes.includes('accounts--my:ro')) {
        throw new AccountsError(403, 'access_denied', 'Missing scope: accounts--my:ro');
      }
      const found = ctx.world.agentByAccountId(record.accountId);
      if (!found) throw new AccountsError(401, 'unauthorized', 'Account not found');
      const { agent, license } = found;
      const created = '2024-01-15T09:30:00.000Z';
      res.json({
        account_id: agent.accountId,
        name: agent.name,
        email: agent.email,
        email_verified: true,
        default_product: 'LiveChat',
        default_organization_id: license.organizationId,
        created_at: created,
        updated_at: created,
        ...(record.scopes.includes('accounts.roles--all:ro') && {
          roles: [
            {
              role_id: `role-primary-${agent.role === 'owner' ? 'owner' : 'member'}`,
              product: 'LiveChat',
              role: agent.role === 'owner' ? 'owner' : 'member',
              type: 'primary',
              predefined: true,
            },
            {
              role_id: `role-livechat-${agent.role}`,
              product: 'LiveChat',
              role: agent.role,
              type: 'secondary',
              predefined: true,
            },
          ],
        }),
        properties: { active: true, mfa: false },
      });
    } catch (err) {
      sendAccountsError(res, err);
    }
  });

  return router;
}
