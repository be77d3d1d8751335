import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { missingScopes, signState, stateSecret, verifyState, type OAuthStateClaims } from './oauth-state';

const secret = stateSecret(randomBytes(32));
const NOW = Date.UTC(2026, 11, 7, 8, 0, 0);
const claims: OAuthStateClaims = {
  nonce: 'n0nce-abc',
  adminUserId: 7,
  calendarId: 'anna@example.com',
  expiresAt: NOW + 10 * 60_000,
};

const swapPayload = (state: string, changed: Partial<Record<'n' | 'u' | 'c' | 'e', unknown>>) => {
  const [payload, signature] = state.split('.');
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return `${Buffer.from(JSON.stringify({ ...decoded, ...changed })).toString('base64url')}.${signature}`;
};

describe('OAuth state', () => {
  it('round-trips the claims before the expiry', () => {
    expect(verifyState(signState(claims, secret), secret, NOW)).toEqual({ ok: true, claims });
  });

  it.each([
    ['another admin user', (state: string) => swapPayload(state, { u: 8 }), secret, NOW, 'signature'],
    ['another calendar', (state: string) => swapPayload(state, { c: 'ben@example.com' }), secret, NOW, 'signature'],
    ['a later expiry', (state: string) => swapPayload(state, { e: NOW + 86_400_000 }), secret, NOW, 'signature'],
    ['another secret', (state: string) => state, stateSecret(randomBytes(32)), NOW, 'signature'],
    ['the expiry reached', (state: string) => state, secret, claims.expiresAt, 'expired'],
    ['no signature', (state: string) => state.split('.')[0], secret, NOW, 'malformed'],
    ['an empty state', () => '', secret, NOW, 'malformed'],
    ['three parts', (state: string) => `${state}.x`, secret, NOW, 'malformed'],
  ])('refuses %s', (_name, tamper, key, now, reason) => {
    expect(verifyState(tamper(signState(claims, secret)), key, now)).toEqual({ ok: false, reason });
  });

  it('refuses a correctly signed payload of the wrong shape', () => {
    const payload = Buffer.from(JSON.stringify({ n: 1, u: '7' })).toString('base64url');
    const forged = signState(claims, secret).replace(/^[^.]+/, payload);
    expect(verifyState(forged, secret, NOW).ok).toBe(false);
  });
});

describe('missingScopes', () => {
  const required = [
    'https://www.googleapis.com/auth/calendar.events',
    'https://www.googleapis.com/auth/calendar.freebusy',
  ];
  it.each([
    ['both granted', `${required[0]} ${required[1]}`, []],
    ['in another order, with extra ones', `openid ${required[1]}  ${required[0]}`, []],
    ['freebusy unticked', required[0], [required[1]]],
    ['nothing', undefined, required],
  ])('%s', (_name, granted, missing) => expect(missingScopes(granted, required)).toEqual(missing));
});
