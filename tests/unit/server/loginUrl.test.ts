import { describe, expect, it } from 'vitest';
import { instanceUrlAllowed, loginUrlFor, salesforceUrlAllowed } from '../../../server/salesforce/loginUrl';

const allowed = ['login.salesforce.com', 'test.salesforce.com', '*.my.salesforce.com'];
const config = {
  productionLoginUrl: 'https://login.salesforce.com',
  sandboxLoginUrl: 'https://test.salesforce.com',
  allowedLoginHosts: allowed,
};

describe('Salesforce hosts an owner may give', () => {
  it('takes a My Domain on https and the standard port', () => {
    expect(loginUrlFor('custom', 'https://acme.my.salesforce.com/some/path', config)).toEqual({
      ok: true,
      loginUrl: 'https://acme.my.salesforce.com',
    });
  });

  it('refuses another port, plain http, IP literals and loopback, saying why', () => {
    const port = loginUrlFor('custom', 'https://acme.my.salesforce.com:8443', config);
    expect(port).toMatchObject({ ok: false, message: expect.stringContaining('port') });
    expect(loginUrlFor('custom', 'http://acme.my.salesforce.com', config)).toMatchObject({ ok: false });
    expect(salesforceUrlAllowed('http://login.salesforce.com', allowed)).toBe(false);
    expect(salesforceUrlAllowed('https://login.salesforce.com:444', allowed)).toBe(false);
    expect(salesforceUrlAllowed('https://127.0.0.1', allowed)).toBe(false);
    expect(salesforceUrlAllowed('http://localhost:3002', allowed)).toBe(false);
    expect(salesforceUrlAllowed('https://[::1]', [...allowed, '*.1]'])).toBe(false);
    expect(loginUrlFor('custom', 'https://evil.example.com', config)).toMatchObject({ ok: false });
  });

  it('takes a loopback emulator only where the configuration names it (the demo)', () => {
    const demo = { ...config, allowedLoginHosts: [...allowed, '127.0.0.1'] };
    expect(loginUrlFor('custom', 'http://127.0.0.1:3002', demo)).toEqual({
      ok: true,
      loginUrl: 'http://127.0.0.1:3002',
    });
  });
});

describe('the instance URL of a token answer', () => {
  it('must be a Salesforce instance host on https', () => {
    expect(instanceUrlAllowed('https://acme.my.salesforce.com', allowed)).toBe(true);
    expect(instanceUrlAllowed('https://acme--uat.sandbox.my.salesforce.com', allowed)).toBe(true);
    expect(instanceUrlAllowed('https://na139.salesforce.com', allowed)).toBe(true);
    expect(instanceUrlAllowed('https://attacker.example.com', allowed)).toBe(false);
    expect(instanceUrlAllowed('http://acme.my.salesforce.com', allowed)).toBe(false);
    expect(instanceUrlAllowed('https://10.0.0.5', allowed)).toBe(false);
  });
});
