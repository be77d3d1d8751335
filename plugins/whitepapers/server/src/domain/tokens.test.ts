import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { tokenHash } from '@magnetiq/plugin-kit/server';
import { signDownloadToken, verifyDownloadToken } from './tokens';

const SECRET = 'a-test-secret-of-enough-length';
const NOW = new Date('2026-03-01T12:00:00Z');
const link = {
  contact: 'contactdoc1',
  whitepaper: 'paperdoc1',
  download: 'downloaddoc1',
  expiresAt: new Date('2026-03-04T12:00:00Z'),
};

const flip = (char: string) => (char === 'A' ? 'B' : 'A');

describe('download tokens', () => {
  it('verifies a token it signed and returns its claims', () => {
    const verdict = verifyDownloadToken(signDownloadToken(link, SECRET), SECRET, NOW);
    expect(verdict).toEqual({
      ok: true,
      claims: { c: 'contactdoc1', w: 'paperdoc1', d: 'downloaddoc1', e: link.expiresAt.getTime() / 1000 },
    });
  });

  it.each([
    ['one second before expiry', new Date(link.expiresAt.getTime() - 1000), true],
    ['at the expiry second', link.expiresAt, false],
    ['a day after expiry', new Date(link.expiresAt.getTime() + 86_400_000), false],
  ])('%s the token is valid: %s', (_label, now, valid) => {
    const verdict = verifyDownloadToken(signDownloadToken(link, SECRET), SECRET, now);
    expect(verdict.ok).toBe(valid);
    if (!valid) expect(verdict).toMatchObject({ reason: 'expired', claims: { w: 'paperdoc1' } });
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyDownloadToken(signDownloadToken(link, 'another-secret-entirely'), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects a token whose claims were changed (another contact, longer expiry)', () => {
    const [, signature] = signDownloadToken(link, SECRET).split('.');
    for (const changed of [
      { ...link, contact: 'someoneelse' },
      { ...link, expiresAt: new Date('2030-01-01T00:00:00Z') },
    ]) {
      const [claims] = signDownloadToken(changed, SECRET).split('.');
      expect(verifyDownloadToken(`${claims}.${signature}`, SECRET, NOW)).toEqual({
        ok: false,
        reason: 'bad-signature',
      });
    }
  });

  it('rejects a token with one character of its signature changed', () => {
    const token = signDownloadToken(link, SECRET);
    const tampered = token.slice(0, -1) + flip(token.at(-1)!);
    expect(verifyDownloadToken(tampered, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each([[''], ['no-dot'], ['a.b.c'], ['.sig'], ['claims.'], ['x'.repeat(5000)]])('calls %j malformed', (token) => {
    expect(verifyDownloadToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('still opens a link signed in the format from before the kit until it expires', () => {
    const encoded = Buffer.from(
      JSON.stringify({
        p: 'whitepaper-download',
        c: 'contactdoc1',
        w: 'paperdoc1',
        d: 'downloaddoc1',
        e: link.expiresAt.getTime() / 1000,
      }),
    ).toString('base64url');
    const token = `${encoded}.${createHmac('sha256', SECRET).update(encoded).digest('base64url')}`;
    expect(verifyDownloadToken(token, SECRET, NOW)).toEqual({
      ok: true,
      claims: { c: 'contactdoc1', w: 'paperdoc1', d: 'downloaddoc1', e: link.expiresAt.getTime() / 1000 },
    });
    expect(verifyDownloadToken(token, SECRET, link.expiresAt)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('rejects a correctly signed token made for another purpose', () => {
    const encoded = Buffer.from(JSON.stringify({ p: 'confirm', c: 'c', w: 'w', d: 'd', e: 2_000_000_000 })).toString(
      'base64url',
    );
    const token = `${encoded}.${createHmac('sha256', SECRET).update(encoded).digest('base64url')}`;
    expect(verifyDownloadToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'wrong-purpose' });
  });

  it('hashes tokens to a stable hex digest that differs per token', () => {
    const a = signDownloadToken(link, SECRET);
    const b = signDownloadToken({ ...link, download: 'downloaddoc2' }, SECRET);
    expect(tokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(a)).toBe(tokenHash(a));
    expect(tokenHash(a)).not.toBe(tokenHash(b));
  });

  it('refuses to sign with an empty secret', () => {
    expect(() => signDownloadToken(link, '')).toThrow(/secret/);
  });
});
