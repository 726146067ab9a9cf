import type { Environment } from '../../src/api/accounts';

/** Whether a host is allowed by a list like "login.salesforce.com,*.my.salesforce.com". */
export function hostAllowed(host: string, allowed: string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((pattern) =>
    pattern.startsWith('*.') ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern,
  );
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export type LoginUrlResult = { ok: true; loginUrl: string } | { ok: false; message: string };

/**
 * The login URL for a new account. My Domain URLs must be https on an allowed host (plain http only
 * on loopback, for a local emulator); nothing is requested from a host before it passes this check.
 */
export function loginUrlFor(
  environment: Environment,
  myDomainUrl: string | undefined,
  config: { productionLoginUrl: string; sandboxLoginUrl: string; allowedLoginHosts: string[] },
): LoginUrlResult {
  if (environment === 'production') return { ok: true, loginUrl: config.productionLoginUrl };
  if (environment === 'sandbox') return { ok: true, loginUrl: config.sandboxLoginUrl };
  if (!myDomainUrl) return { ok: false, message: 'Enter the My Domain URL of the org.' };
  const url = new URL(myDomainUrl);
  if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) {
    return { ok: false, message: 'The My Domain URL must start with https://.' };
  }
  if (
    !hostAllowed(url.host, config.allowedLoginHosts) &&
    !hostAllowed(url.hostname, config.allowedLoginHosts)
  ) {
    return {
      ok: false,
      message: `${url.host} is not a Salesforce login host this app may use. Use your org's My Domain (…my.salesforce.com).`,
    };
  }
  return { ok: true, loginUrl: url.origin };
}
