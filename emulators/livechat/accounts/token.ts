/**
 * `POST /v2/token` (authorization_code and refresh_token grants) and `DELETE /v2/token`, as LiveChat
 * documents them. Sources, cited below by these short names:
 * - "OAuth": docs src/pages/authorization/oauth-authorization/index.mdx (Authorization code grant ›
 *   PKCE extension, Step 4 "Exchange code for access token and refresh token", "Using the refresh
 *   token", "Revoking tokens");
 * - "Troubleshooting": docs src/pages/authorization/troubleshooting/index.mdx (FAQ and
 *   "Authorization errors", whose "Possible reasons" say which error LiveChat answers when);
 * - "Accounts API": the Global Accounts API spec, docs src/configs/redoc/global-accounts-api/spec.yml
 *   (`/token`: the HTTP status of each kind of error).
 * Errors are `{error, error_description, request_id}` (Accounts API, "Default error object").
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { EmulatorContext } from '../context';
import { AccountsError, sendAccountsError } from '../errors';
import type { OAuthClient } from '../model';
import type { AccountsErrorBody, TokenResponse } from '../wire';
import { bearerToken } from './bearer';
import { pkceSatisfied } from './pkce';
import type { Grant } from './tokenStore';

/**
 * Accounts API › `/token` 422 "Invalid request, missing required parameters": `invalid_request`,
 * with the Default error object's `invalid_fields` (`{"name":"is required"}`).
 */
class InvalidRequest extends AccountsError {
  constructor(
    description: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(422, 'invalid_request', description);
  }

  override get body(): AccountsErrorBody & { invalid_fields?: Record<string, string> } {
    return { ...super.body, ...(Object.keys(this.fields).length > 0 && { invalid_fields: this.fields }) };
  }
}

/*
 * Accounts API › `/token` 401: "Client isn't authorized to request a token using this method or the
 * provided parameters are invalid" — unauthorized_client, invalid_client and invalid_grant alike.
 */
const unauthorizedClient = (why: string) => new AccountsError(401, 'unauthorized_client', why);
const invalidClient = (why: string) => new AccountsError(401, 'invalid_client', why);
const invalidGrant = (why: string) => new AccountsError(401, 'invalid_grant', why);

/** The token response: OAuth › Step 4 and › Using the refresh token list these seven fields. */
type TokenGrantResponse = Omit<TokenResponse, 'client_id'>;

/**
 * The request's parameters. OAuth's samples send a form body (`curl -d`); OAuth › PKCE support in
 * Accounts SDK and lc-sdk-go (examples/echo/accounts-service.go) send JSON; lc-sdk-js
 * (examples/node-bot-integration/src/livechat/accounts.service.ts) puts them in the URL of the
 * POST. A parameter given more than once is `invalid_request` (Troubleshooting › invalid_request:
 * "includes a parameter more than once").
 */
function paramsOf(req: Request): Record<string, string> {
  const params: Record<string, string> = {};
  const fields: Record<string, string> = {};
  const body: unknown = req.body;
  const sources = [req.query, body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}];
  for (const source of sources) {
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      if (Array.isArray(value) || key in params) fields[key] = 'is given more than once';
      else if (typeof value === 'string') params[key] = value;
      else if (value !== undefined && value !== null) fields[key] = 'must be a string';
    }
  }
  if (Object.keys(fields).length > 0) {
    throw new InvalidRequest(
      'The request includes an invalid parameter value or a parameter more than once.',
      fields,
    );
  }
  return params;
}

function requireParams(params: Record<string, string>, names: string[]): void {
  const missing = names.filter((n) => !params[n]);
  if (missing.length > 0) {
    throw new InvalidRequest(
      `The request is missing a required parameter: ${missing.join(', ')}.`,
      Object.fromEntries(missing.map((n) => [n, 'is required'])),
    );
  }
}

/**
 * Client authentication. Troubleshooting › unauthorized_client: "missing client ID", "client ID not
 * found", "invalid client secret". OAuth › PKCE extension: for server-side apps "Client Secret is
 * mandatory to exchange a code for an access token and to refresh a token"; for web (JavaScript)
 * apps it "cannot be used, so it's not mandatory" (a secret they send is not looked at).
 */
function authenticateClient(ctx: EmulatorContext, params: Record<string, string>): OAuthClient {
  if (!params.client_id) throw unauthorizedClient('Missing client_id.');
  const client = ctx.world.client(params.client_id);
  if (!client) throw unauthorizedClient('Client not found.');
  return client;
}

function checkSecret(client: OAuthClient, params: Record<string, string>): void {
  if (client.clientSecret !== undefined && client.clientSecret !== params.client_secret) {
    throw unauthorizedClient(params.client_secret ? 'Invalid client_secret.' : 'Missing client_secret.');
  }
}

export function tokenRouter(ctx: EmulatorContext): Router {
  const router = express.Router();
  const bodies = [express.json(), express.urlencoded({ extended: false })];

  const respond = (grant: Grant, refreshToken: string): TokenGrantResponse => {
    const access = ctx.tokens.issueAccess(grant, { refreshToken });
    return {
      access_token: access.token,
      account_id: grant.accountId,
      expires_in: ctx.tokens.ttlSeconds,
      organization_id: grant.organizationId,
      refresh_token: refreshToken,
      // OAuth › Step 4: "A comma-separated list of permissions an access_token has."
      scope: grant.scopes.join(','),
      token_type: 'Bearer',
    };
  };

  /** A refresh token that was issued (some access token came with it), though no longer usable. */
  const wasIssued = (refreshToken: string) =>
    ctx.tokens.accessTokens().some((a) => a.refreshToken === refreshToken);

  function exchangeCode(client: OAuthClient, params: Record<string, string>): TokenGrantResponse {
    requireParams(params, ['code', 'redirect_uri']);
    checkSecret(client, params);
    const code = ctx.tokens.code(params.code!);
    // Troubleshooting › FAQ "The client is not authorized to request a token using this method":
    // the `code` "is only valid for a few minutes" and "can be exchanged … only once".
    if (!code) throw unauthorizedClient('Code not found.');
    if (code.used) throw unauthorizedClient('The code has already been exchanged.');
    if (code.expiresAt.getTime() <= ctx.clock.now().getTime()) throw unauthorizedClient('The code expired.');
    // Troubleshooting › invalid_grant: the grant "does not match the redirection URI used in the
    // authorization request, or was issued to another client".
    if (code.clientId !== client.clientId) throw invalidGrant('The code was issued to another client.');
    if (code.redirectUri !== params.redirect_uri) throw invalidGrant('redirect_uri does not match.');
    // OAuth › Step 4, "Required with PKCE javascript app": without a secret, `code_verifier` is the
    // client's proof; Accounts API › `/token`: "Public client – matching code_verifier is required
    // for code_challenge sent during the authentication request". A JavaScript app's code asked for
    // without PKCE cannot be exchanged (it has no client_secret, required without PKCE).
    if (client.clientSecret === undefined && code.codeChallenge === undefined) {
      throw unauthorizedClient('A JavaScript app exchanges a code only with PKCE.');
    }
    // PKCE (RFC 7636 §4.6, OAuth › PKCE extension): a failed check is invalid_grant.
    if (!pkceSatisfied(code, params.code_verifier)) throw invalidGrant('Invalid code_verifier.');
    code.used = true;
    const grant: Grant = {
      clientId: code.clientId,
      accountId: code.accountId,
      organizationId: code.organizationId,
      scopes: code.scopes,
    };
    return respond(grant, ctx.tokens.issueRefresh(grant).token);
  }

  function refresh(client: OAuthClient, params: Record<string, string>): TokenGrantResponse {
    requireParams(params, ['refresh_token']);
    checkSecret(client, params);
    const token = params.refresh_token!;
    const record = ctx.tokens.refresh(token);
    if (!record) {
      // Troubleshooting › unauthorized_client: "refresh token not found"; › invalid_grant: the
      // refresh token "is invalid, expired, revoked".
      if (wasIssued(token)) throw invalidGrant('The refresh token was revoked or already used.');
      throw unauthorizedClient('Refresh token not found.');
    }
    // Troubleshooting › invalid_client: "using refresh token with wrong client id".
    if (record.clientId !== client.clientId)
      throw invalidClient('The refresh token belongs to another client.');
    const grant: Grant = {
      clientId: record.clientId,
      accountId: record.accountId,
      organizationId: record.organizationId,
      scopes: record.scopes,
    };
    // OAuth › PKCE extension: server-side apps' "refresh tokens don't rotate"; web apps' "refresh
    // tokens rotate" (Accounts API › `/token`: "Refresh tokens issued for public clients are
    // single-use only – a new refresh token is issued upon successful authorization").
    if (client.clientSecret !== undefined) return respond(grant, record.token);
    record.revoked = true;
    return respond(grant, ctx.tokens.issueRefresh(grant).token);
  }

  router.post('/v2/token', ...bodies, (req, res) => {
    try {
      // An injected outage or rate limit. Accounts API › `/token`: 429 is `temporarily_unavailable`
      // ("The server cannot currently handle the request"), 500 `server_error`.
      const fault = ctx.tokenFaults.shift();
      if (fault === 429) {
        throw new AccountsError(
          429,
          'temporarily_unavailable',
          'The server is currently unable to handle the request due to a temporary overloading or maintenance of the server.',
        );
      }
      if (fault) throw new AccountsError(fault, 'server_error', 'Service temporarily unavailable');
      const params = paramsOf(req);
      requireParams(params, ['grant_type']);
      // OAuth: the grants are `authorization_code` and `refresh_token`. Troubleshooting ›
      // unsupported_grant_type (e.g. client credentials); Accounts API › `/token` 403: "wrong or
      // unsupported grant_type provided".
      if (params.grant_type !== 'authorization_code' && params.grant_type !== 'refresh_token') {
        throw new AccountsError(403, 'unsupported_grant_type', 'Unsupported grant_type.');
      }
      const client = authenticateClient(ctx, params);
      res.json(
        params.grant_type === 'authorization_code' ? exchangeCode(client, params) : refresh(client, params),
      );
    } catch (err) {
      sendAccountsError(res, err);
    }
  });

  /*
   * OAuth › Revoking tokens: the access or refresh token in `Authorization: Bearer` or `?code=`;
   * "If it's an access token with a corresponding refresh token, both tokens will be revoked"; the
   * answer is `{}` (200 OK). Accounts API › `/token` DELETE: 404 "Not found, the token doesn't exist".
   */
  router.delete('/v2/token', (req, res) => {
    const token = bearerToken(req, true);
    if (!token) {
      sendAccountsError(
        res,
        new InvalidRequest('The request is missing a required parameter: code.', { code: 'is required' }),
      );
      return;
    }
    if (!ctx.tokens.revoke(token)) {
      sendAccountsError(res, new AccountsError(404, 'resource_not_found', "The token doesn't exist."));
      return;
    }
    res.json({});
  });

  // Troubleshooting › invalid_request: "wrong HTTP method".
  router.all('/v2/token', (_req, res) => {
    sendAccountsError(res, new InvalidRequest('Wrong HTTP method.'));
  });

  // A body that cannot be parsed. Troubleshooting › invalid_request: "invalid HTTP body encoding".
  router.use('/v2/token', (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = (err as { status?: unknown } | null)?.status;
    const parseFailure = typeof status === 'number' && status >= 400 && status < 500;
    sendAccountsError(res, parseFailure ? new InvalidRequest('Invalid HTTP body encoding.') : err);
  });

  return router;
}
