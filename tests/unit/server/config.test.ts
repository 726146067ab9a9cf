import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../server/config';

const key = Buffer.alloc(32, 7).toString('base64');
const live = {
  LIVECHAT_CLIENT_ID: 'lc-id',
  LIVECHAT_CLIENT_SECRET: 'lc-secret',
  SALESFORCE_CLIENT_ID: 'sf-id',
  SALESFORCE_CLIENT_SECRET: 'sf-secret',
  ENCRYPTION_KEY: key,
  PUBLIC_URL: 'https://sf.example.com/',
};

describe('parseConfig', () => {
  it('runs the demo with defaults when nothing is configured', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.mode).toBe('demo');
    expect(result.config.port).toBe(3000);
    expect(result.config.publicUrl).toBe('http://localhost:3000');
    expect(result.config.databaseUrl).toBeUndefined();
    expect(result.config.livechat.accountsUrl).toBe('https://accounts.livechat.com');
    expect(result.config.livechat.apiUrl).toBe('https://api.livechatinc.com');
    expect(result.config.salesforce.allowedLoginHosts).toContain('login.salesforce.com');
  });

  it('runs live when every credential is given, trimming the public URL', () => {
    const result = parseConfig(live);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.mode).toBe('live');
    expect(result.config.publicUrl).toBe('https://sf.example.com');
    expect(result.config.salesforce.clientSecret).toBe('sf-secret');
  });

  it('reads the app author’s personal access token as the console gives it, plain or base64', () => {
    const plain = 'a0000000-0000-4000-8000-000000000001:dal:Tok3n_value';
    for (const given of [plain, Buffer.from(plain).toString('base64')]) {
      const result = parseConfig({ ...live, LIVECHAT_AUTHOR_PAT: given });
      expect(result.ok && result.config.livechat.authorToken).toEqual({
        accountId: 'a0000000-0000-4000-8000-000000000001',
        token: 'dal:Tok3n_value',
      });
    }
    const bad = parseConfig({ ...live, LIVECHAT_AUTHOR_PAT: 'no-colon-here' });
    expect(bad.ok ? [] : bad.problems).toEqual([expect.stringMatching(/^LIVECHAT_AUTHOR_PAT: must be/)]);
    // A worker needs no author token: without it the app still runs live.
    expect(parseConfig(live).ok).toBe(true);
  });

  it('lists every problem at once', () => {
    const result = parseConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://nope',
      LIVECHAT_API_URL: 'not a url',
      ENCRYPTION_KEY: 'short',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toMatch(/PORT/);
    expect(text).toMatch(/DATABASE_URL: must be a postgresql/);
    expect(text).toMatch(/LIVECHAT_API_URL/);
    expect(text).toMatch(/ENCRYPTION_KEY: must be 32 bytes/);
    expect(result.problems).toHaveLength(4);
  });

  it('asks for the missing credentials when only some are set', () => {
    const result = parseConfig({ LIVECHAT_CLIENT_ID: 'lc-id' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^LIVECHAT_CLIENT_SECRET: required/),
        expect.stringMatching(/^SALESFORCE_CLIENT_ID: required/),
        expect.stringMatching(/^SALESFORCE_CLIENT_SECRET: required/),
        expect.stringMatching(/^ENCRYPTION_KEY: required/),
        expect.stringMatching(/^PUBLIC_URL: required/),
      ]),
    );
  });

  it('parses allowed Salesforce login hosts and old encryption keys', () => {
    const result = parseConfig({
      ...live,
      SALESFORCE_ALLOWED_LOGIN_HOSTS: ' Login.Salesforce.com , 127.0.0.1 ',
      ENCRYPTION_OLD_KEYS: `k0:${key}`,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.salesforce.allowedLoginHosts).toEqual(['login.salesforce.com', '127.0.0.1']);
    expect(result.config.encryption.oldKeys).toEqual([{ id: 'k0', key }]);
  });

  it('rejects a malformed old key list', () => {
    const result = parseConfig({ ENCRYPTION_OLD_KEYS: 'k0' });
    expect(result.ok).toBe(false);
  });
});
