import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ConnectedAppSeed } from '../seed/types';
import { findUserByUsername, redirectAllowed } from '../state';
import type { EmulatorState } from '../state';
import { renderLoginPage, renderOAuthErrorPage } from './login-page';

const authorizeParams = z.looseObject({
  response_type: z.string().optional(),
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  state: z.string().optional(),
  scope: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
  login_hint: z.string().optional(),
  prompt: z.string().optional(),
  display: z.string().optional(),
  username: z.string().optional(),
  action: z.string().optional(),
});
type AuthorizeParams = z.infer<typeof authorizeParams>;

function redirectWith(res: Response, redirectUri: string, params: Record<string, string | undefined>): void {
  const target = new URL(redirectUri);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) target.searchParams.set(key, value);
  res.redirect(302, target.toString());
}

function stringParams(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** Checks client and redirect URI; answers the error page or redirect itself when they are wrong. */
function checkRequest(
  state: EmulatorState,
  params: AuthorizeParams,
  res: Response,
): ConnectedAppSeed | undefined {
  const app = params.client_id ? state.apps.get(params.client_id) : undefined;
  if (!app) {
    res.status(400).type('html').send(renderOAuthErrorPage('invalid_client_id', 'client identifier invalid'));
    return undefined;
  }
  if (
    !params.redirect_uri ||
    !redirectAllowed(app, params.redirect_uri) ||
    !URL.canParse(params.redirect_uri)
  ) {
    res
      .status(400)
      .type('html')
      .send(renderOAuthErrorPage('redirect_uri_mismatch', 'redirect_uri must match configuration'));
    return undefined;
  }
  if (params.response_type !== 'code') {
    redirectWith(res, params.redirect_uri, {
      error: 'unsupported_response_type',
      error_description: 'response type not supported',
      state: params.state,
    });
    return undefined;
  }
  if (params.code_challenge_method && params.code_challenge_method !== 'S256') {
    redirectWith(res, params.redirect_uri, {
      error: 'invalid_request',
      error_description: 'invalid code challenge method',
      state: params.state,
    });
    return undefined;
  }
  return app;
}

/** The scopes granted: those asked for that the app allows, or all of the app's when none are asked for. */
function grantedScopes(app: ConnectedAppSeed, requested: string | undefined): string[] | undefined {
  if (!requested?.trim()) return app.scopes;
  const asked = requested.split(/[\s+]+/).filter(Boolean);
  const unknown = asked.filter((s) => !app.scopes.includes(s) && s !== 'full' && s !== 'offline_access');
  if (unknown.length > 0) return undefined;
  return asked;
}

/** `GET /services/oauth2/authorize`: the login-and-allow page. */
export function showAuthorizePage(state: EmulatorState) {
  return (req: Request, res: Response) => {
    const params = authorizeParams.parse(req.query);
    const app = checkRequest(state, params, res);
    if (!app) return;
    res
      .status(200)
      .type('html')
      .send(
        renderLoginPage({
          appName: app.name,
          params: stringParams(req.query as Record<string, unknown>),
          orgs: [...state.orgs.values()],
          selectedUsername: params.login_hint,
          error: undefined,
        }),
      );
  };
}

/**
 * `POST /services/oauth2/authorize`: the page's form (or a test's fetch) with `username` and
 * `action=allow|deny`; redirects to the callback with `code` and `state`, or `error=access_denied`.
 */
export function submitAuthorizePage(state: EmulatorState) {
  return (req: Request, res: Response) => {
    const raw = {
      ...(req.query as Record<string, unknown>),
      ...((req.body ?? {}) as Record<string, unknown>),
    };
    const params = authorizeParams.parse(raw);
    const app = checkRequest(state, params, res);
    if (!app || !params.redirect_uri) return;
    if (params.action !== 'allow') {
      redirectWith(res, params.redirect_uri, {
        error: 'access_denied',
        error_description: 'end-user denied authorization',
        state: params.state,
      });
      return;
    }
    const found = findUserByUsername(state, params.username ?? params.login_hint ?? '');
    if (!found || found.user.IsActive !== true) {
      res
        .status(200)
        .type('html')
        .send(
          renderLoginPage({
            appName: app.name,
            params: stringParams(raw),
            orgs: [...state.orgs.values()],
            selectedUsername: params.username,
            error:
              'Please check your username and password. If you still can\u2019t log in, contact your Salesforce administrator.',
          }),
        );
      return;
    }
    const scopes = grantedScopes(app, params.scope);
    if (!scopes) {
      redirectWith(res, params.redirect_uri, {
        error: 'invalid_scope',
        error_description: 'the requested scope is not allowed',
        state: params.state,
      });
      return;
    }
    const code = state.sessions.issueCode(
      {
        clientId: app.clientId,
        redirectUri: params.redirect_uri,
        orgId: found.org.id,
        userId: String(found.user.Id),
        scopes,
        codeChallenge: params.code_challenge,
      },
      state.clock.now().getTime(),
    );
    redirectWith(res, params.redirect_uri, { code: code.code, state: params.state });
  };
}
