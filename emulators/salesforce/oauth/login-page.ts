import type { Org } from '../org';

import { escapeHtml } from '../ui/escapeHtml';

export interface LoginPageOptions {
  appName: string;
  /** The authorize parameters to carry through the form. */
  params: Record<string, string>;
  orgs: Org[];
  selectedUsername: string | undefined;
  error: string | undefined;
}

/** The emulator's login-and-allow page: pick a user of an org, then Allow or Deny. */
export function renderLoginPage(options: LoginPageOptions): string {
  const hidden = Object.entries(options.params)
    .filter(([key]) => key !== 'username' && key !== 'action')
    .map(([key, value]) => `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  const groups = options.orgs
    .map((org) => {
      const users = org.store
        .all('User')
        .filter((u) => u.IsActive === true)
        .map((u) => {
          const username = String(u.Username);
          const selected =
            username.toLowerCase() === options.selectedUsername?.toLowerCase() ? ' selected' : '';
          return `<option value="${escapeHtml(username)}"${selected}>${escapeHtml(String(u.Name))} (${escapeHtml(username)})</option>`;
        })
        .join('');
      const label = `${org.name}${org.isSandbox ? ' (sandbox)' : ''} - ${org.id}`;
      return `<optgroup label="${escapeHtml(label)}">${users}</optgroup>`;
    })
    .join('\n        ');
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Login | Salesforce (emulator)</title>
  <style>
    body { font-family: system-ui, sans-serif; background: #f3f3f3; display: flex; justify-content: center; padding-top: 8vh; }
    main { background: #fff; border-radius: 8px; padding: 2rem; width: 28rem; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
    h1 { font-size: 1.3rem; color: #032d60; } label, select { display: block; width: 100%; margin-top: .5rem; }
    select { padding: .5rem; font-size: 1rem; } .buttons { display: flex; gap: 1rem; margin-top: 1.5rem; }
    button { flex: 1; padding: .7rem; font-size: 1rem; border-radius: 4px; border: 1px solid #0176d3; cursor: pointer; }
    button[value=allow] { background: #0176d3; color: #fff; } button[value=deny] { background: #fff; color: #0176d3; }
    .error { color: #ba0517; } .note { color: #555; font-size: .85rem; }
  </style>
</head>
<body>
  <main>
    <h1>Allow access?</h1>
    <p><strong>${escapeHtml(options.appName)}</strong> is asking to access your Salesforce data.</p>
    ${error}
    <form method="post" action="/services/oauth2/authorize">
      ${hidden}
      <label for="username">Log in as</label>
      <select id="username" name="username">
        ${groups}
      </select>
      <div class="buttons">
        <button type="submit" name="action" value="deny">Deny</button>
        <button type="submit" name="action" value="allow">Allow</button>
      </div>
    </form>
    <p class="note">Local Salesforce emulator: no password is needed.</p>
  </main>
</body>
</html>`;
}

/** The plain error page Salesforce shows when it cannot trust the redirect URI. */
export function renderOAuthErrorPage(error: string, description: string): string {
  const text = `error=${encodeURIComponent(error)}&error_description=${encodeURIComponent(description)}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OAuth Error</title></head><body><h1>OAuth Error</h1><p>We can't authorize you because of an OAuth error. For more information, contact your Salesforce administrator.</p><p id="error">${escapeHtml(text)}</p></body></html>`;
}
