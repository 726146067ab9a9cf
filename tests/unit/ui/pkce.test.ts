import { describe, expect, it } from 'vitest';
import { codeChallenge } from '../../../ui/auth/pkce';

describe('codeChallenge', () => {
  it('is RFC 7636 S256 (the Appendix B example)', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('is unpadded base64url for any verifier', async () => {
    for (const verifier of ['a'.repeat(43), '~'.repeat(128), 'x-y.z_'.repeat(10)]) {
      expect(await codeChallenge(verifier)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });
});
