import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `state` of the OAuth authorization-code flow that connects a host's Google calendar
 * (RFC 6749 10.12, RFC 9700 4.7): `base64url(claims).base64url(HMAC-SHA256)`. The claims name
 * the admin user who started the flow, the calendar, a random nonce and an expiry. The callback
 * accepts the state only with a valid signature, before the expiry, from the same admin user,
 * and only once (the nonce's row, which also holds the PKCE verifier, is deleted when it is
 * used). Pure functions: the clock and the secret are arguments.
 */
export interface OAuthStateClaims {
  /** random, names the pending row (PKCE verifier) on the server */
  nonce: string;
  adminUserId: number;
  calendarId: string;
  /** epoch milliseconds */
  expiresAt: number;
}

export type StateVerdict =
  { ok: true; claims: OAuthStateClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const PURPOSE = 'magnetiq:calendar-oauth-state';

/** A key of its own for signing states, derived from the token key (one secret to configure, separate keys per purpose). */
export function stateSecret(tokenKey: Buffer): Buffer {
  return createHmac('sha256', tokenKey).update(PURPOSE).digest();
}

const mac = (payload: string, secret: Buffer) => createHmac('sha256', secret).update(payload).digest('base64url');

export function signState(claims: OAuthStateClaims, secret: Buffer): string {
  const payload = Buffer.from(
    JSON.stringify({ n: claims.nonce, u: claims.adminUserId, c: claims.calendarId, e: claims.expiresAt }),
    'utf8',
  ).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

export function verifyState(state: string, secret: Buffer, now: number): StateVerdict {
  const parts = state.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [payload, signature] = parts;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!decoded || typeof decoded !== 'object') return { ok: false, reason: 'malformed' };
  const { n, u, c, e } = decoded as Record<string, unknown>;
  if (typeof n !== 'string' || typeof u !== 'number' || typeof c !== 'string' || typeof e !== 'number')
    return { ok: false, reason: 'malformed' };
  if (e <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { nonce: n, adminUserId: u, calendarId: c, expiresAt: e } };
}

/** The scopes of `required` that Google's answer (`scope`, space-separated) does not list: with granular consent a user can untick one. */
export function missingScopes(granted: string | null | undefined, required: readonly string[]): string[] {
  const have = new Set((granted ?? '').split(/\s+/).filter(Boolean));
  return required.filter((scope) => !have.has(scope));
}
