/**
 * The accounts service's sign-in page (pick an agent of a license) and helpers: `GET /signin`, `POST /signin`,
 * `GET /signin-as?email=&return=`, `GET /signout?return=`, and the OAuth error page `GET /ooops`.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { escapeHtml, page, scriptJson } from '../html';

const AUTHORIZE_KEYS = ['response_type', 'client_id', 'redirect_uri'];

/** Where to go after signing in: a path on this origin only. */
function safeContinue(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/signin';
}

/** The sign-in page. With `inIframeError`, a hidden iframe (accounts-sdk iframe flow) gets `identity_exception` instead. */
export function signinPage(
  ctx: EmulatorContext,
  opts: { continueTo: string; signedInAs?: string; iframeErrorOrigin?: string },
) {
  const licenses = ctx.world.licenses
    .map(
      (l) => `<section class="license"><h2>${escapeHtml(l.name)} · license ${l.licenseId}</h2>
${l.agents
  .map(
    (a) => `<form class="agent" method="post" action="/signin">
<input type="hidden" name="email" value="${escapeHtml(a.email)}"><input type="hidden" name="continue" value="${escapeHtml(opts.continueTo)}">
<button type="submit" data-email="${escapeHtml(a.email)}"><span><strong>${escapeHtml(a.name)}</strong> <span class="muted">${escapeHtml(a.email)}</span></span><span class="role">${a.role}</span></button>
</form>`,
  )
  .join('\n')}</section>`,
    )
    .join('\n');
  const iframeScript =
    opts.iframeErrorOrigin !== undefined
      ? `<script>
if (!window.opener && window.parent !== window) {
  window.parent.postMessage({ error: { identity_exception: 'unauthorized' } }, ${scriptJson(opts.iframeErrorOrigin)});
}
</script>`
      : '';
  return page(
    'Sign in · LiveChat accounts (emulator)',
    `<div class="card"><span class="badge">Demo</span>
<h1>Sign in to LiveChat</h1>
<p class="muted">Local LiveChat emulator: pick who you are.${
      opts.signedInAs ? ` Signed in as <strong>${escapeHtml(opts.signedInAs)}</strong>.` : ''
    }</p>
${licenses}
</div>`,
    iframeScript,
  );
}

/**
 * Where to send the browser after signing in on one of the emulator's two sites: the Agent App page
 * and the accounts service keep separate cookies (as my.livechatinc.com and accounts.livechat.com
 * do), so a sign-in on the Agent App's site passes through the accounts service's `/signin-as`
 * to sign in there too, as a real agent signs in on accounts.livechat.com before the Agent App.
 */
export function afterSignIn(ctx: EmulatorContext, req: express.Request, email: string, path: string): string {
  const accounts = ctx.origins.accounts;
  if (!accounts || req.headers.host === new URL(accounts).host) return path;
  const back = `${ctx.origins.agentApp}${path}`;
  return `${accounts}/signin-as?${new URLSearchParams({ email, return: back })}`;
}

const signinBody = z.object({ email: z.string().min(1), continue: z.string().optional() });

export function signinRouter(ctx: EmulatorContext): Router {
  const router = express.Router();

  router.get('/signin', (req, res) => {
    const query = new URLSearchParams(req.query as Record<string, string>);
    // accounts-sdk's `popup_flow: 'manual'` opens `/signin?<authorize params>`: continue to authorize after sign-in.
    const isAuthorize = AUTHORIZE_KEYS.every((k) => query.has(k));
    const continueTo = isAuthorize
      ? `/?${query.toString()}`
      : safeContinue(req.query.continue ?? req.query.return);
    const accountId = ctx.sessions.accountOf(req);
    const signedInAs = accountId ? ctx.world.agentByAccountId(accountId)?.agent.email : undefined;
    res.type('html').send(signinPage(ctx, { continueTo, ...(signedInAs && { signedInAs }) }));
  });

  router.post('/signin', express.urlencoded({ extended: false }), (req, res) => {
    const body = signinBody.safeParse(req.body);
    const found = body.success ? ctx.world.agent(body.data.email) : undefined;
    if (!body.success || !found) {
      res.status(400).type('html').send(page('Sign in', '<div class="card"><h1>Unknown agent</h1></div>'));
      return;
    }
    ctx.sessions.signIn(res, found.agent.accountId);
    res.redirect(303, afterSignIn(ctx, req, found.agent.email, safeContinue(body.data.continue)));
  });

  /** Helper for tests and the host page's "sign in as" switch: sets the session and goes back. */
  router.get('/signin-as', (req, res) => {
    const email = typeof req.query.email === 'string' ? req.query.email : '';
    const found = ctx.world.agent(email);
    if (!found) {
      res.status(404).type('text').send(`Unknown agent ${email}`);
      return;
    }
    ctx.sessions.signIn(res, found.agent.accountId);
    // Back to a path here, or to one of the emulator's own two sites (never elsewhere).
    const back = typeof req.query.return === 'string' ? req.query.return : '';
    const own = [ctx.origins.agentApp, ctx.origins.accounts].filter(Boolean);
    const allowed = /^\/(?!\/)/.test(back) || own.some((o) => back === o || back.startsWith(`${o}/`));
    if (!allowed) {
      res.redirect(302, '/signin');
      return;
    }
    res.redirect(302, /^\//.test(back) ? afterSignIn(ctx, req, found.agent.email, back) : back);
  });

  router.get('/signout', (req, res) => {
    ctx.sessions.signOut(req, res);
    res.redirect(302, safeContinue(req.query.return));
  });

  router.get('/ooops', (req, res) => {
    const reason = String(req.query.oauth_exception ?? req.query.identity_exception ?? 'unknown');
    res
      .status(400)
      .type('html')
      .send(
        page(
          'Oops · LiveChat accounts (emulator)',
          `<div class="card"><h1>Authorization failed</h1><p>Error: <code id="oauth-error">${escapeHtml(reason)}</code></p></div>`,
        ),
      );
  });

  return router;
}
