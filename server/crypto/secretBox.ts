import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Encrypts secrets at rest with AES-256-GCM. A ciphertext is "v1.<keyId>.<iv>.<tag>.<data>" (base64url),
 * so a key can be rotated: new values use the current key, old ones still decrypt with their key id.
 */
export interface SecretBox {
  keyId: string;
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
}

export function createSecretBox(options: {
  keyId: string;
  key: string;
  oldKeys?: { id: string; key: string }[];
}): SecretBox {
  const keys = new Map<string, Buffer>();
  for (const old of options.oldKeys ?? []) keys.set(old.id, decodeKey(old.key));
  keys.set(options.keyId, decodeKey(options.key));
  const current = keys.get(options.keyId)!;

  return {
    keyId: options.keyId,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        'v1',
        options.keyId,
        iv.toString('base64url'),
        tag.toString('base64url'),
        data.toString('base64url'),
      ].join('.');
    },
    decrypt(ciphertext) {
      const [version, keyId, iv, tag, data] = ciphertext.split('.');
      if (version !== 'v1' || !keyId || !iv || !tag || data === undefined)
        throw new Error('not a v1 ciphertext');
      const key = keys.get(keyId);
      if (!key) throw new Error(`no key "${keyId}" to decrypt with`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('an encryption key must be 32 bytes');
  return key;
}

/** SHA-256 hex, for storing lookups of secrets (tokens, OAuth states) without the secrets. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Compares two secrets in constant time. */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
