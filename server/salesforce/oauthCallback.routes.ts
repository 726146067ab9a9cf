import { Router } from 'express';
import { endpoints } from '../../src/api/endpoints';
import { toAccountDto } from '../accounts/accounts.presenter';
import type { AccountsService } from '../accounts/accounts.service';
import { agentOf } from '../auth/auth.middleware';
import { routesOn } from '../http/route';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Connecting Salesforce…</title>
<style>body{font-family:-apple-system,'Segoe UI',Roboto,sans-serif;color:#131317;display:flex;align-items:center;justify-content:center;height:100vh;margin:0}
p{max-width:320px;text-align:center;line-height:1.5}</style></head>
<body><p id="message">Finishing the Salesforce connection… This window closes by itself.</p>
<script src="/oauth/salesforce/relay.js"></script></body></html>`;

/**
 * Relays Salesforce's answer from the popup to the settings app that opened it (same origin), which
 * completes the connection with the owner's token. Nothing from the query is rendered by the server.
 */
const RELAY = `(() => {
  const params = new URLSearchParams(location.search);
  const message = { type: 'salesforce-oauth', state: params.get('state') || '' };
  for (const key of ['code', 'error']) if (params.get(key)) message[key] = params.get(key);
  if (params.get('error_description')) message.errorDescription = params.get('error_description');
  const opener = window.opener;
  if (opener && !opener.closed) {
    opener.postMessage(message, location.origin);
    history.replaceState(null, '', location.pathname);
    setTimeout(() => window.close(), 200);
  } else {
    document.getElementById('message').textContent =
      'The Salesforce settings window was closed. Go back to the Salesforce for LiveChat settings and connect again.';
  }
})();`;

export function oauthCallbackRoutes(): Router {
  const router = Router();
  router.get('/oauth/salesforce/callback', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer').send(PAGE);
  });
  router.get('/oauth/salesforce/relay.js', (_req, res) => {
    res.type('js').send(RELAY);
  });
  return router;
}

/**
 * POST /api/settings/oauth/salesforce/complete: the settings app sends what the callback page
 * relayed, with the owner's token, which binds Salesforce's `state` to the owner (owners only).
 */
export function oauthCompletionRoutes(accounts: AccountsService): Router {
  const router = Router();
  routesOn(router, { prefix: '/api/settings', access: 'owner' })(
    endpoints.completeSalesforceOAuth,
    async ({ body }, res) => ({ account: toAccountDto(await accounts.completeOAuth(agentOf(res), body)) }),
  );
  return router;
}
