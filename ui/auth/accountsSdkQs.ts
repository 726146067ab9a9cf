/**
 * What `@livechat/accounts-sdk` asks of `qs`, on the browser's URLSearchParams: the frontends' builds
 * resolve the SDK's `import qs from 'qs'` here (vite.config.ts). The SDK only reads the flat parameters
 * of its own redirects (`access_token`, `state`, `code`, …) and writes flat ones (`client_id`,
 * `redirect_uri`, `scope`, its tracking parameters), while `qs` brings its nesting syntax and its
 * dependencies (side-channel, object-inspect, get-intrinsic, …): about a fifth of the widget's first
 * script, parsed and run before the Agent App can connect. Written by hand rather than another query
 * library because these two functions are the platform's own parser plus qs's encoding, which
 * `accountsSdkQs.test.ts` compares with qs itself.
 */

type Flat = Record<string, string | string[]>;

/**
 * `qs.parse` for flat parameters, in qs's defaults: `+` and percent escapes decoded, a repeated name
 * gives an array, and a name of Object.prototype's (`__proto__`, `toString`, …) is left out.
 */
export function parse(text: string, options: { ignoreQueryPrefix?: boolean } = {}): Flat {
  const source = options.ignoreQueryPrefix && text.startsWith('?') ? text.slice(1) : text;
  const result: Flat = {};
  // URLSearchParams drops a leading "?" of its own accord; qs keeps it unless asked (an empty first pair).
  for (const [key, value] of new URLSearchParams(`&${source}`)) {
    if (key === '' || Object.prototype.hasOwnProperty.call(Object.prototype, key)) continue;
    const seen = Object.prototype.hasOwnProperty.call(result, key) ? result[key] : undefined;
    if (seen === undefined) result[key] = value;
    else result[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return result;
}

/** qs's default (RFC 3986) escaping: everything but A–Z a–z 0–9 - . _ ~ (encodeURIComponent keeps !'()* too). */
function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `qs.stringify` for flat parameters, in qs's defaults: undefined left out, null as `name=`, an array as
 * `name[0]=…&name[1]=…`, anything else as its string. Nested objects are refused (qs would write
 * `a[b]=…`; the SDK never sends one).
 */
export function stringify(params: Record<string, unknown>): string {
  const pairs: string[] = [];
  const add = (key: string, value: unknown) => {
    if (value === undefined) return;
    if (value !== null && typeof value === 'object')
      throw new TypeError(`accountsSdkQs.stringify: "${key}" is a nested object`);
    pairs.push(`${encode(key)}=${value === null ? '' : encode(String(value))}`);
  };
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((item, i) => add(`${key}[${i}]`, item));
    else add(key, value);
  }
  return pairs.join('&');
}

export default { parse, stringify };
