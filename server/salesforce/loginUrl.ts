import type { Environment } from '../../src/api/accounts';

/** Whether a host is allowed by a list like "login.salesforce.com,*.my.salesforce.com". */
export function hostAllowed(host: string, allowed: string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((pattern) =>
    pattern.startsWith('*.') ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern,
  );
}

/** An IP literal (v4 or bracketed v6) or a loopback name: never a real org's host. */
const isIpOrLoopback = (hostname: string) =>
  hostname === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');

/**
 * Whether a URL may receive our OAuth requests or tokens: https on port 443 on a host matching the
 * list. A loopback or IP-literal host only when the list names it exactly (the demo's emulator:
 * `127.0.0.1`, `localhost`), over http or https and on any port.
 */
export function salesforceUrlAllowed(raw: string, allowed: string[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  const hostname = url.hostname.toLowerCase();
  const exact = allowed.filter((p) => !p.startsWith('*.'));
  // A loopback or IP host only where the configuration names it (the demo's emulator), as it runs.
  if (isIpOrLoopback(hostname)) {
    return (exact.includes(hostname) || exact.includes(url.host)) && /^https?:$/.test(url.protocol);
  }
  if (url.protocol !== 'https:' || url.port !== '') return false;
  return hostAllowed(hostname, allowed);
}

/**
 * Hosts Salesforce serves orgs' instances from (My Domain `*.my.salesforce.com`, sandboxes
 * `*.sandbox.my.salesforce.com`, older `*.salesforce.com` and `*.force.com` pods, Government Cloud
 * `*.salesforce.mil`): a token answer's `instance_url` must be one of them or an allowed login host.
 */
const INSTANCE_HOSTS = ['*.salesforce.com', '*.force.com', '*.salesforce.mil'];

export function instanceUrlAllowed(raw: string, allowedLoginHosts: string[]): boolean {
  return salesforceUrlAllowed(raw, [...allowedLoginHosts, ...INSTANCE_HOSTS]);
}

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
  if (salesforceUrlAllowed(url.origin, config.allowedLoginHosts)) return { ok: true, loginUrl: url.origin };
  if (url.protocol !== 'https:') {
    return { ok: false, message: 'The My Domain URL must start with https://.' };
  }
  if (url.port !== '') {
    return { ok: false, message: 'The My Domain URL takes no port: Salesforce answers on the standard one.' };
  }
  return {
    ok: false,
    message: `${url.host} is not a Salesforce login host this app may use. Use your org's My Domain (…my.salesforce.com).`,
  };
}
