/**
 * Redirect URI whitelist matching (§2.2): scheme and host must match exactly, the configured path must be a
 * prefix of the requested path, no query or fragment. The emulator adds a `:*` port wildcard.
 */
export function redirectUriAllowed(patterns: readonly string[], uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.hash || url.search) return false;
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  return patterns.some((pattern) => {
    const m = /^(https?):\/\/([^/:]+)(?::(\d+|\*))?(\/.*)?$/.exec(pattern);
    if (!m) return false;
    const [, scheme, host, port, path] = m;
    if (`${scheme}:` !== url.protocol || host !== url.hostname) return false;
    if (port !== '*' && (port ?? defaultPort) !== (url.port || defaultPort)) return false;
    return url.pathname.startsWith(path ?? '/');
  });
}
