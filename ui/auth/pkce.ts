/**
 * RFC 7636's S256 challenge, `BASE64URL(SHA256(ASCII(verifier)))`, as LiveChat documents it
 * (Authorization › PKCE extension). Not the SDK's: accounts-sdk 2.1.3 (and its source at 2.1.1)
 * base64-encodes the hash's 32-bit words written as decimal text, which the accounts service
 * rejects at the code exchange.
 */
export async function codeChallenge(verifier: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...hash))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
