/**
 * A tiny stand-in for the product's frontends: `/widget/` and `/settings/` pages built on the real
 * `@livechat/agent-app-sdk` (its UMD bundle, served as is) and `@livechat/accounts-sdk` (UMD too).
 * The widget prints the `customer_profile` it receives and the result of accounts-sdk's silent iframe sign-in.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const agentAppSdk = readFileSync(
  new URL('../../node_modules/@livechat/agent-app-sdk/dist/agentapp.umd.min.js', import.meta.url),
  'utf8',
);
const accountsSdk = readFileSync(
  new URL('../../node_modules/@livechat/accounts-sdk/dist/accounts-sdk.min.js', import.meta.url),
  'utf8',
);

function widgetPage(accountsUrl: string, clientId: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Test widget</title>
<style>body{font:14px sans-serif;margin:12px} dt{color:#666}</style></head><body>
<h3>Test widget</h3>
<dl><dt>Name</dt><dd id="name">(none)</dd><dt>Email</dt><dd id="email">(none)</dd>
<dt>Source</dt><dd id="source"></dd><dt>Chat</dt><dd id="chat"></dd><dt>Signed in</dt><dd id="auth">…</dd></dl>
<button id="popup">Sign in with LiveChat</button>
<script src="/sdk.js"></script>
<script>/* accounts-sdk's UMD bundle expects Node's util as a global; a stub is enough in a browser. */ window.require$$0$2 = { inspect: function () { return ''; } };</script>
<script src="/accounts.js"></script>
<script>
var sdk = new AccountsSDK({ client_id: ${JSON.stringify(clientId)}, server_url: ${JSON.stringify(accountsUrl)} });
function showAuth(p) {
  p.then(function (d) { document.getElementById('auth').textContent = 'ok:' + d.account_id + ':' + d.organization_id + ':' + (d.access_token ? 'token' : ''); },
         function (e) { document.getElementById('auth').textContent = 'error:' + (e.identity_exception || e.oauth_exception || e); });
}
showAuth(sdk.iframe().authorize());
document.getElementById('popup').onclick = function () { showAuth(sdk.popup().authorize()); };
function show(p) {
  if (!p) return;
  document.getElementById('name').textContent = p.name;
  document.getElementById('email').textContent = p.email || '(no email)';
  document.getElementById('source').textContent = p.source;
  document.getElementById('chat').textContent = p.chat && p.chat.chat_id;
}
if (window.parent !== window) {
  LiveChat.createDetailsWidget().then(function (widget) {
    window.widgetReady = true;
    show(widget.getCustomerProfile());
    widget.on('customer_profile', show);
    return widget.modifySection({ title: 'Salesforce', components: [{ type: 'label_value', data: { label: 'Status', value: 'Test widget ready' } }] });
  });
}
</script></body></html>`;
}

const settingsPage = `<!doctype html><html><head><meta charset="utf-8"><title>Test settings</title></head><body>
<h2 id="settings-status">Loading…</h2>
<script src="/sdk.js"></script>
<script>
LiveChat.createSettingsWidget().then(function () { document.getElementById('settings-status').textContent = 'Settings ready'; });
</script></body></html>`;

export interface TestWidgetApp {
  url: string;
  close(): Promise<void>;
}

export async function startTestWidgetApp(
  accountsUrl: () => string,
  clientId: string,
): Promise<TestWidgetApp> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (type: string, body: string) => res.writeHead(200, { 'content-type': type }).end(body);
    if (path === '/sdk.js') return send('text/javascript', agentAppSdk);
    if (path === '/accounts.js') return send('text/javascript', accountsSdk);
    if (path === '/widget/') return send('text/html', widgetPage(accountsUrl(), clientId));
    if (path === '/settings/') return send('text/html', settingsPage);
    if (path === '/hook') return send('text/plain', 'ok');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, r));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
