import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Google refresh tokens at rest: AES-256-GCM with a key from the environment. The stored text
 * names its key (`v1.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts), so after a rotation the
 * old key can still read what it wrote and everything is re-encrypted with the new one. The
 * calendar id is bound as associated data: a ciphertext copied to another row does not decrypt.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const KEY_BYTES = 32;

export interface TokenKey {
  /** first 8 bytes of SHA-256 of the key, hex: names the key without revealing it */
  id: string;
  key: Buffer;
}

export interface TokenKeyring {
  current: TokenKey;
  /** the key before the last rotation, still accepted for reading */
  previous?: TokenKey;
}

export class TokenKeyError extends Error {}

/** A 32-byte key given as base64 or base64url (what `npm start` generates). */
export function parseTokenKey(text: string, name = 'CALENDAR_TOKEN_KEY'): TokenKey {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new TokenKeyError(`${name} must be 32 bytes in base64`);
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES)
    throw new TokenKeyError(
      `${name} must be ${KEY_BYTES} bytes in base64 (it is ${key.length}); generate one with: openssl rand -base64 32`,
    );
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

export function keyringFrom(current: string, previous?: string | null): TokenKeyring {
  if (!current)
    throw new TokenKeyError(
      'CALENDAR_TOKEN_KEY is not set: refresh tokens of calendar connections cannot be stored or read',
    );
  return {
    current: parseTokenKey(current),
    ...(previous ? { previous: parseTokenKey(previous, 'CALENDAR_TOKEN_KEY_PREVIOUS') } : {}),
  };
}

export const isEncryptedToken = (stored: string) => stored.startsWith(`${VERSION}.`) && stored.split('.').length === 5;

export function encryptToken(plain: string, keyring: TokenKeyring, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    VERSION,
    keyring.current.id,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.');
}

/**
 * The token, and whether its stored form should be rewritten: written before encryption
 * (plain text) or with the previous key. Throws when no key of the ring wrote it, or it was
 * changed (GCM's tag).
 */
export function decryptToken(
  stored: string,
  keyring: TokenKeyring,
  associatedData: string,
): { token: string; rewrite: boolean } {
  if (!isEncryptedToken(stored)) return { token: stored, rewrite: true };
  const [, keyId, iv, tag, ciphertext] = stored.split('.');
  const key = [keyring.current, keyring.previous].find((candidate) => candidate?.id === keyId);
  if (!key)
    throw new TokenKeyError(
      `refresh token encrypted with key ${keyId}, which is neither CALENDAR_TOKEN_KEY nor CALENDAR_TOKEN_KEY_PREVIOUS`,
    );
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    const token = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
    return { token, rewrite: key !== keyring.current };
  } catch {
    throw new TokenKeyError('refresh token does not decrypt: it was changed or belongs to another calendar');
  }
}
