import { describe, expect, it } from 'vitest';
import { keyedHash, signToken, verifyToken } from './tokens';

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
    expect(verifyToken(token, 'confirm', secret, inOneHour)).toEqual({ ok: false, reason: 'expired' });
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
    const forged = Buffer.from(JSON.stringify({ p: 'confirm', s: 'someone-else', e: 4102444800 })).toString('base64url');
    expect(verifyToken(`${forged}.${signature}`, 'confirm', secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
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
