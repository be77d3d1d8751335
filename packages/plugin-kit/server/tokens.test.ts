import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey, keyedHash, safeEqual, signToken, tokenHash, verifyToken } from './tokens';

const secret = 'test-secret-0123456789';
const now = new Date('2026-11-24T12:00:00Z');
const inOneHour = new Date('2026-11-24T13:00:00Z');

describe('signed tokens', () => {
  it('verifies a token it signed for the same purpose', () => {
    const token = signToken({ purpose: 'confirm', subject: 'abc', expiresAt: inOneHour }, secret);
    const result = verifyToken(token, 'confirm', secret, now);
    expect(result).toEqual({ ok: true, payload: { p: 'confirm', s: 'abc', e: inOneHour.getTime() / 1000 } });
  });

  it('rejects the token once it has expired', () => {
    const token = signToken({ purpose: 'confirm', subject: 'abc', expiresAt: inOneHour }, secret);
    expect(verifyToken(token, 'confirm', secret, inOneHour)).toEqual({
      ok: false,
      reason: 'expired',
      payload: { p: 'confirm', s: 'abc', e: inOneHour.getTime() / 1000 },
    });
  });

  it('accepts a token without expiry at any time', () => {
    const token = signToken({ purpose: 'unsubscribe', subject: 'abc' }, secret);
    expect(verifyToken(token, 'unsubscribe', secret, new Date('2099-01-01')).ok).toBe(true);
  });

  it('rejects a token signed for another purpose', () => {
    const token = signToken({ purpose: 'unsubscribe', subject: 'abc' }, secret);
    expect(verifyToken(token, 'confirm', secret, now)).toEqual({ ok: false, reason: 'wrong-purpose' });
  });

  it('rejects a token whose payload was changed', () => {
    const token = signToken({ purpose: 'confirm', subject: 'abc', expiresAt: inOneHour }, secret);
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ p: 'confirm', s: 'someone-else', e: 4102444800 })).toString(
      'base64url',
    );
    expect(verifyToken(`${forged}.${signature}`, 'confirm', secret, now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects a token signed with another secret', () => {
    const token = signToken({ purpose: 'confirm', subject: 'abc' }, 'another-secret');
    expect(verifyToken(token, 'confirm', secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each(['', 'no-dot', '.', 'a.', '.b', 'a.b.c', 'x'.repeat(3000)])('rejects the malformed token %j', (token) => {
    expect(verifyToken(token, 'confirm', secret, now).ok).toBe(false);
  });

  it('carries extra claims', () => {
    const token = signToken({ purpose: 'download', subject: 'w1', extra: { c: 'c9' } }, secret);
    const result = verifyToken(token, 'download', secret, now);
    expect(result.ok && result.payload.x).toEqual({ c: 'c9' });
  });

  it('refuses to sign with an empty secret', () => {
    expect(() => signToken({ purpose: 'confirm', subject: 'abc' }, '')).toThrow();
  });
});

describe('keyedHash', () => {
  it('is stable for the same input and secret and differs per secret', () => {
    expect(keyedHash('203.0.113.9', 'a')).toBe(keyedHash('203.0.113.9', 'a'));
    expect(keyedHash('203.0.113.9', 'a')).not.toBe(keyedHash('203.0.113.9', 'b'));
  });
});

describe('legacy claims', () => {
  // the booking manage link before the kit: { p, b, n } in the same envelope
  const legacyToken = (claims: object, key = secret) => {
    const encoded = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${encoded}.${createHmac('sha256', key).update(encoded).digest('base64url')}`;
  };
  const legacy = (claims: Record<string, unknown>) =>
    typeof claims.p === 'string' && typeof claims.b === 'string' ? { p: claims.p, s: claims.b } : null;

  it('reads an old token through the plugin mapping', () => {
    expect(
      verifyToken(legacyToken({ p: 'booking-manage', b: 'booking1', n: 'x' }), 'booking-manage', secret, now, {
        legacy,
      }),
    ).toEqual({ ok: true, payload: { p: 'booking-manage', s: 'booking1' } });
  });

  it.each([
    ['without the mapping', legacyToken({ p: 'booking-manage', b: 'booking1' }), {}, 'malformed'],
    [
      'under another secret',
      legacyToken({ p: 'booking-manage', b: 'booking1' }, 'another-secret-0123'),
      { legacy },
      'bad-signature',
    ],
    ['for another purpose', legacyToken({ p: 'other', b: 'booking1' }), { legacy }, 'wrong-purpose'],
    ['with claims the mapping does not know', legacyToken({ p: 'booking-manage', z: 1 }), { legacy }, 'malformed'],
  ] as const)('refuses an old token %s', (_name, token, options, reason) => {
    expect(verifyToken(token, 'booking-manage', secret, now, options)).toMatchObject({ ok: false, reason });
  });
});

describe('key derivation, hashes, comparison', () => {
  it('derives a different key per label from one secret', () => {
    expect(deriveKey(secret, 'magnetiq:booking-links')).toBe(
      createHmac('sha256', secret).update('magnetiq:booking-links').digest('base64url'),
    );
    expect(deriveKey(secret, 'a')).not.toBe(deriveKey(secret, 'b'));
  });

  it('hashes a token to 64 hex characters', () => {
    expect(tokenHash('abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash('abc')).not.toBe(tokenHash('abd'));
  });

  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
  ])('safeEqual(%j, %j) is %s', (a, b, expected) => expect(safeEqual(a, b)).toBe(expected));

  it('refuses every token when the secret is empty', () => {
    expect(verifyToken(signToken({ purpose: 'p', subject: 's' }, secret), 'p', '', now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });
});
