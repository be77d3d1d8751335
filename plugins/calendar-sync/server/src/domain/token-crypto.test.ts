import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptToken,
  encryptToken,
  isEncryptedToken,
  keyringFrom,
  parseTokenKey,
  TokenKeyError,
} from './token-crypto';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64url');
const TOKEN = '1//0gLrefresh-token-of-a-host_with.dots';
const CALENDAR = 'anna@example.com';

describe('refresh token encryption', () => {
  it('round-trips a token and never stores it in clear', () => {
    const keyring = keyringFrom(keyA);
    const stored = encryptToken(TOKEN, keyring, CALENDAR);
    expect(stored).not.toContain(TOKEN);
    expect(isEncryptedToken(stored)).toBe(true);
    expect(stored.split('.')[1]).toBe(keyring.current.id);
    expect(decryptToken(stored, keyring, CALENDAR)).toEqual({ token: TOKEN, rewrite: false });
  });

  it('uses a fresh IV each time: the same token never gives the same text', () => {
    const keyring = keyringFrom(keyA);
    expect(encryptToken(TOKEN, keyring, CALENDAR)).not.toBe(encryptToken(TOKEN, keyring, CALENDAR));
  });

  it('reads a plain-text token written before encryption and asks for a rewrite', () => {
    expect(decryptToken(TOKEN, keyringFrom(keyA), CALENDAR)).toEqual({ token: TOKEN, rewrite: true });
  });

  it('after a rotation reads with the previous key and asks for a rewrite with the new one', () => {
    const stored = encryptToken(TOKEN, keyringFrom(keyA), CALENDAR);
    const rotated = keyringFrom(keyB, keyA);
    expect(decryptToken(stored, rotated, CALENDAR)).toEqual({ token: TOKEN, rewrite: true });
    const rewritten = encryptToken(TOKEN, rotated, CALENDAR);
    expect(decryptToken(rewritten, keyringFrom(keyB), CALENDAR)).toEqual({ token: TOKEN, rewrite: false });
  });

  it.each([
    ['an unknown key', (stored: string) => stored, keyringFrom(keyB), CALENDAR, /neither CALENDAR_TOKEN_KEY/],
    [
      'another calendar (associated data)',
      (stored: string) => stored,
      keyringFrom(keyA),
      'ben@example.com',
      /does not decrypt/,
    ],
    [
      'a changed ciphertext',
      (stored: string) => stored.slice(0, -2) + (stored.endsWith('AA') ? 'BB' : 'AA'),
      keyringFrom(keyA),
      CALENDAR,
      /does not decrypt/,
    ],
  ])('refuses %s', (_name, tamper, keyring, calendar, message) => {
    const stored = tamper(encryptToken(TOKEN, keyringFrom(keyA), CALENDAR));
    expect(() => decryptToken(stored, keyring, calendar)).toThrow(message);
  });

  it.each([
    ['empty', ''],
    ['too short', randomBytes(16).toString('base64')],
    ['not base64', 'this is not a key at all, it has spaces!'],
  ])('rejects a key that is %s', (_name, key) => {
    expect(() => keyringFrom(key)).toThrow(TokenKeyError);
  });

  it('names a key by a hash, the same for base64 and base64url of the same bytes', () => {
    const bytes = randomBytes(32);
    expect(parseTokenKey(bytes.toString('base64')).id).toBe(parseTokenKey(bytes.toString('base64url')).id);
    expect(parseTokenKey(bytes.toString('base64')).id).not.toContain(bytes.toString('hex').slice(0, 16));
  });
});
