/** RFC 7636 PKCE verification for codes not issued to `@livechat/accounts-sdk` (whose "S256" is nonstandard, §2.1). */
import { createHash } from 'node:crypto';
import type { CodeRecord } from './tokenStore';

export function pkceSatisfied(code: CodeRecord, verifier: string | undefined): boolean {
  if (!code.codeChallenge || code.fromAccountsSdk || verifier === undefined) return true;
  const method = (code.codeChallengeMethod ?? 'plain').toLowerCase();
  if (method === 'plain') return verifier === code.codeChallenge;
  return createHash('sha256').update(verifier).digest('base64url') === code.codeChallenge;
}
