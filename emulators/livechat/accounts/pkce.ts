/**
 * PKCE verification at `POST /v2/token`, exactly as RFC 7636 §4.6 says and as LiveChat documents it
 * (Authorization › OAuth 2.1 › PKCE extension: `plain` is `code_challenge = code_verifier`, the
 * default when no method is given; `S256` is `b64(s256(ascii(code_verifier)))`, Base64 URL without
 * padding). The same rule for every client, whichever SDK built the challenge: accounts-sdk 2.1.3's
 * "S256" (base64 of the hash's 32-bit words written as decimal text) fails here as it would on the
 * real server.
 */
import { createHash } from 'node:crypto';
import type { CodeRecord } from './tokenStore';

export function pkceSatisfied(code: CodeRecord, verifier: string | undefined): boolean {
  if (code.codeChallenge === undefined) return true; // no PKCE asked for at /authorize
  // A code issued for a challenge can only be exchanged with its verifier (RFC 7636 §4.6).
  if (verifier === undefined) return false;
  const method = (code.codeChallengeMethod ?? 'plain').toLowerCase();
  if (method === 'plain') return verifier === code.codeChallenge;
  if (method !== 's256') return false;
  return createHash('sha256').update(verifier, 'ascii').digest('base64url') === code.codeChallenge;
}
