import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, single-purpose tokens for links in emails (confirm, unsubscribe) and for other
 * plugins (download, reschedule). Format: base64url(JSON payload) + "." + base64url(HMAC-SHA256).
 * The purpose is part of the signed payload, so a token for one purpose never works for another.
 */
export interface TokenPayload {
  /** purpose, e.g. "confirm" */
  p: string;
  /** subject, e.g. a contact's document id */
  s: string;
  /** expiry, seconds since epoch; absent = does not expire */
  e?: number;
  /** optional extra claims (short keys keep links short) */
  x?: Record<string, string | number>;
}

export type VerifyResult =
  | { ok: true; payload: TokenPayload }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'wrong-purpose' | 'expired' };

const sign = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('base64url');

export function signToken(
  payload: { purpose: string; subject: string; expiresAt?: Date; extra?: Record<string, string | number> },
  secret: string
): string {
  if (!secret) throw new Error('token secret is empty');
  const body: TokenPayload = { p: payload.purpose, s: payload.subject };
  if (payload.expiresAt) body.e = Math.floor(payload.expiresAt.getTime() / 1000);
  if (payload.extra) body.x = payload.extra;
  const encoded = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${encoded}.${sign(encoded, secret)}`;
}

export function verifyToken(token: string, purpose: string, secret: string, now: Date = new Date()): VerifyResult {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [encoded, signature] = parts;
  const expected = Buffer.from(sign(encoded, secret));
  const given = Buffer.from(signature);
  // constant-time compare; lengths differ only for garbage, which leaks nothing useful
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload?.p !== 'string' || typeof payload?.s !== 'string') return { ok: false, reason: 'malformed' };
  if (payload.p !== purpose) return { ok: false, reason: 'wrong-purpose' };
  if (payload.e !== undefined && payload.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

/** A keyed hash for values we must be able to match but must not store (IPs, erased emails). */
export function keyedHash(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}
