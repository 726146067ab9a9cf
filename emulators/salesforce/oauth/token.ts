import { createHash, createHmac } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { GATEWAY_502_HTML } from '../faults';
import type { FaultKind } from '../faults';
import { originOf, sendJson } from '../http-util';
import type { AccessSession } from '../sessions';
import type { ConnectedAppSeed } from '../seed/types';
import { userOf } from '../state';
import type { EmulatorState } from '../state';

const tokenParams = z.looseObject({
  grant_type: z.string().optional(),
  code: z.string().optional(),
  refresh_token: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  redirect_uri: z.string().optional(),
  code_verifier: z.string().optional(),
});
type TokenParams = z.infer<typeof tokenParams>;

class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

const base64Url = (buffer: Buffer) =>
  buffer.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function authenticateClient(state: EmulatorState, params: TokenParams): ConnectedAppSeed {
  const app = params.client_id ? state.apps.get(params.client_id) : undefined;
  if (!app) throw new OAuthError('invalid_client_id', 'client identifier invalid');
  if (params.client_secret !== app.clientSecret)
    throw new OAuthError('invalid_client', 'invalid client credentials');
  return app;
}

/** The token response fields, in Salesforce's order (reference §3.2). */
function tokenResponse(
  state: EmulatorState,
  origin: string,
  app: ConnectedAppSeed,
  session: AccessSession,
  refreshToken: string | undefined,
) {
  const id = `${origin}/id/${session.orgId}/${session.userId}`;
  const issuedAt = String(session.issuedAt);
  const signature = createHmac('sha256', app.clientSecret)
    .update(id + issuedAt)
    .digest('base64');
  return {
    access_token: session.token,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    signature,
    scope: session.scopes.join(' '),
    instance_url: origin,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
  };
}

function exchangeCode(state: EmulatorState, params: TokenParams, origin: string) {
  const app = authenticateClient(state, params);
  const now = state.clock.now().getTime();
  const code = params.code ? state.sessions.consumeCode(params.code, now) : undefined;
  if (!code || code.clientId !== app.clientId)
    throw new OAuthError('invalid_grant', 'expired authorization code');
  if (params.redirect_uri !== code.redirectUri) {
    throw new OAuthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
  }
  if (code.codeChallenge !== undefined) {
    if (!params.code_verifier) throw new OAuthError('invalid_grant', 'invalid code verifier');
    const challenge = base64Url(createHash('sha256').update(params.code_verifier).digest());
    if (challenge !== code.codeChallenge) throw new OAuthError('invalid_request', 'invalid code verifier');
  } else if (params.code_verifier) {
    throw new OAuthError('invalid_grant', 'unexpected code verifier');
  }
  const org = state.orgs.get(code.orgId);
  if (!org) throw new OAuthError('invalid_grant', 'expired authorization code');
  const wantsRefresh = code.scopes.includes('refresh_token') || code.scopes.includes('offline_access');
  const refresh = wantsRefresh
    ? state.sessions.issueRefreshToken({
        clientId: app.clientId,
        orgId: org.id,
        userId: code.userId,
        scopes: code.scopes,
      })
    : undefined;
  const session = state.sessions.issueAccessToken(
    org.id,
    { userId: code.userId, clientId: app.clientId, scopes: code.scopes, refreshToken: refresh?.token },
    now,
  );
  return tokenResponse(state, origin, app, session, refresh?.token);
}

function refresh(state: EmulatorState, params: TokenParams, origin: string) {
  const app = authenticateClient(state, params);
  const grant = params.refresh_token ? state.sessions.refreshGrant(params.refresh_token) : undefined;
  if (!grant || grant.clientId !== app.clientId) {
    throw new OAuthError('invalid_grant', 'expired access/refresh token');
  }
  const org = state.orgs.get(grant.orgId);
  const user = org ? userOf(org, grant.userId) : undefined;
  if (!org || !user || user.IsActive !== true) throw new OAuthError('invalid_grant', 'inactive user');
  let refreshToken = grant.token;
  let rotated: string | undefined;
  if (org.settings.refreshTokenRotation) {
    const next = state.sessions.issueRefreshToken({
      clientId: grant.clientId,
      orgId: grant.orgId,
      userId: grant.userId,
      scopes: grant.scopes,
    });
    grant.revoked = true;
    refreshToken = next.token;
    rotated = next.token;
  }
  const session = state.sessions.issueAccessToken(
    org.id,
    { userId: grant.userId, clientId: app.clientId, scopes: grant.scopes, refreshToken },
    state.clock.now().getTime(),
  );
  return tokenResponse(state, origin, app, session, rotated);
}

/** The token endpoint's answer to an injected failure (a `hang` is handled by the caller). */
function answerFault(res: Response, fault: FaultKind): void {
  switch (fault) {
    case 'inactive_user':
      // `invalid_grant: inactive user` (AdobeDocs/marketo.en salesforce-diagnostics.md), in the
      // token endpoint's JSON shape (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm).
      sendJson(res, 400, { error: 'invalid_grant', error_description: 'inactive user' });
      return;
    case 'invalid_client':
      // A wrong or rotated client secret (restforce#338: `invalid_client: invalid client credentials`).
      sendJson(res, 400, { error: 'invalid_client', error_description: 'invalid client credentials' });
      return;
    case 'HTML_502':
      res.status(502);
      res.setHeader('content-type', 'text/html');
      res.end(Buffer.from(GATEWAY_502_HTML));
      return;
    default: {
      const status = fault === 503 || fault === 500 ? fault : 400;
      sendJson(res, status, { error: 'unknown_error', error_description: 'retry your request' });
    }
  }
}

function grant(state: EmulatorState, req: Request, res: Response, params: TokenParams): void {
  try {
    const origin = originOf(state, req);
    if (params.grant_type === 'authorization_code') sendJson(res, 200, exchangeCode(state, params, origin));
    else if (params.grant_type === 'refresh_token') sendJson(res, 200, refresh(state, params, origin));
    else throw new OAuthError('unsupported_grant_type', 'grant type not supported');
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendJson(res, error.status, { error: error.error, error_description: error.description });
  }
}

/** `POST /services/oauth2/token` (form body): authorization_code and refresh_token grants. */
export function tokenEndpoint(state: EmulatorState) {
  return (req: Request, res: Response) => {
    const params = tokenParams.parse(req.body ?? {});
    const fault = state.faults.take('oauth', undefined);
    if (fault?.kind === 'hang') {
      state.faults.hold(req, res, () => grant(state, req, res, params));
      return;
    }
    if (fault !== undefined) {
      answerFault(res, fault.kind);
      return;
    }
    grant(state, req, res, params);
  };
}
