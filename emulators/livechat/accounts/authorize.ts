/**
 * `GET /?response_type=token|code&client_id&redirect_uri&state…` (§2.1, §2.2): the authorize endpoint.
 * - `flow=button` (accounts-sdk popup and hidden iframe): a page that posts `{data:{…}}` or `{error:{…}}` to
 *   `window.opener || window.parent` with the app's origin; not signed in, the popup shows the sign-in page and
 *   the hidden iframe answers `identity_exception: unauthorized`.
 * - otherwise (redirect flow): 302 to `redirect_uri#access_token=…` (token) or `redirect_uri?code=…` (code);
 *   not signed in, 302 to the sign-in page which comes back here.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { page, scriptJson } from '../html';
import type { OAuthClient } from '../model';
import { redirectUriAllowed } from './redirectUri';
import { signinPage } from './signin';

const authorizeQuery = z.object({
  response_type: z.string().optional(),
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  state: z.string().optional(),
  scope: z.string().optional(),
  flow: z.string().optional(),
  prompt: z.string().optional(),
  organization_id: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
  utm_medium: z.string().optional(),
});
type AuthorizeQuery = z.infer<typeof authorizeQuery>;

function originOf(uri: string | undefined): string {
  try {
    return uri ? new URL(uri).origin : '*';
  } catch {
    return '*';
  }
}

/** The page a popup or hidden iframe loads: hands the result to the app and closes itself. */
function resultPage(message: unknown, targetOrigin: string): string {
  return page(
    'LiveChat accounts (emulator)',
    '<div class="card"><p class="muted">Signing in…</p></div>',
    `<script>
(function () {
  var target = window.opener || window.parent;
  if (target && target !== window) target.postMessage(${scriptJson(message)}, ${scriptJson(targetOrigin)});
  if (window.opener) setTimeout(function () { window.close(); }, 50);
})();
</script>`,
  );
}

export function parseScopes(requested: string | undefined, client: OAuthClient): string[] | undefined {
  if (!requested) return [...client.scopes];
  const scopes = requested.split(/[\s,]+/).filter(Boolean);
  return scopes.every((s) => client.scopes.includes(s)) ? scopes : undefined;
}

export function authorizeRouter(ctx: EmulatorContext): Router {
  const router = express.Router();

  router.get('/', (req: Request, res: Response) => {
    const parsed = authorizeQuery.safeParse(req.query);
    const q: AuthorizeQuery = parsed.success ? parsed.data : {};
    if (!q.client_id && !q.response_type) {
      res.redirect(302, '/signin');
      return;
    }
    const button = q.flow === 'button';
    const appOrigin = originOf(q.redirect_uri);
    const fail = (oauthException: string) => {
      if (button)
        res.type('html').send(resultPage({ error: { oauth_exception: oauthException } }, appOrigin));
      else res.redirect(302, `/ooops?oauth_exception=${encodeURIComponent(oauthException)}`);
    };

    const client = q.client_id ? ctx.world.client(q.client_id) : undefined;
    if (!client) return fail('unauthorized_client');
    if (!q.redirect_uri || !redirectUriAllowed(client.redirectUris, q.redirect_uri))
      return fail('invalid_request');
    if (q.response_type !== 'token' && q.response_type !== 'code') return fail('unsupported_response_type');
    const scopes = parseScopes(q.scope, client);
    if (!scopes) return fail('invalid_scope');
    // Authorization › OAuth 2.1 › Authorization code grant with PKCE: `code_challenge` is "a string
    // between 43 and 128 characters long"; `code_challenge_method` is `s256` or `plain`.
    if (q.code_challenge !== undefined && !/^[A-Za-z0-9\-._~]{43,128}$/.test(q.code_challenge))
      return fail('invalid_request');
    if (
      q.code_challenge_method !== undefined &&
      !['s256', 'plain'].includes(q.code_challenge_method.toLowerCase())
    )
      return fail('invalid_request');

    const accountId = ctx.sessions.accountOf(req);
    const signedIn = accountId ? ctx.world.agentByAccountId(accountId) : undefined;
    if (!signedIn) {
      const continueTo = req.originalUrl.startsWith('/') ? req.originalUrl : '/';
      if (button) res.type('html').send(signinPage(ctx, { continueTo, iframeErrorOrigin: appOrigin }));
      else res.redirect(302, `/signin?continue=${encodeURIComponent(continueTo)}`);
      return;
    }

    const grant = {
      clientId: client.clientId,
      accountId: signedIn.agent.accountId,
      organizationId: signedIn.license.organizationId,
      scopes,
    };
    const state = q.state ?? '';
    if (q.response_type === 'token') {
      const token = ctx.tokens.issueAccess(grant);
      if (button) {
        res.type('html').send(
          resultPage(
            {
              data: {
                access_token: token.token,
                token_type: 'Bearer',
                expires_in: ctx.tokens.ttlSeconds,
                scopes,
                account_id: grant.accountId,
                organization_id: grant.organizationId,
                client_id: grant.clientId,
                state,
              },
            },
            appOrigin,
          ),
        );
        return;
      }
      const fragment = new URLSearchParams({
        access_token: token.token,
        token_type: 'Bearer',
        expires_in: String(ctx.tokens.ttlSeconds),
        state,
        scope: scopes.join(','),
      });
      res.redirect(302, `${q.redirect_uri}#${fragment.toString()}`);
      return;
    }

    const code = ctx.tokens.issueCode(grant, {
      redirectUri: q.redirect_uri,
      ...(q.code_challenge !== undefined && { codeChallenge: q.code_challenge }),
      ...(q.code_challenge_method !== undefined && { codeChallengeMethod: q.code_challenge_method }),
    });
    if (button) {
      res.type('html').send(
        resultPage(
          {
            data: {
              code: code.code,
              scopes,
              account_id: grant.accountId,
              organization_id: grant.organizationId,
              client_id: grant.clientId,
              state,
            },
          },
          appOrigin,
        ),
      );
      return;
    }
    const target = new URL(q.redirect_uri);
    target.searchParams.set('code', code.code);
    target.searchParams.set('state', state);
    res.redirect(302, target.toString());
  });

  return router;
}
