import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, purpose-bound tokens for links (confirm, unsubscribe, whitepaper download, booking
 * manage, webinar registration). ONE format for every plugin, the leads core's since 2026:
 *
 *     base64url(JSON claims) + "." + base64url(HMAC-SHA256(secret, first part))
 *
 * with the claims `{ p: purpose, s: subject, e?: expiry in epoch seconds, x?: extra claims }`.
 * The purpose is signed, so a token for one purpose never opens another, even under one secret.
 * docs/adr/0019-plugin-kit-and-leads-contract.md records why and how old links stay valid.
 */
export interface TokenClaims {
  /** purpose, e.g. "confirm" */
  p: string;
  /** subject, e.g. a contact's document id */
  s: string;
  /** expiry, seconds since epoch; absent = does not expire */
  e?: number;
  /** optional extra claims (short keys keep links short) */
  x?: Record<string, string | number>;
}

export type TokenVerdict =
  | { ok: true; payload: TokenClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'wrong-purpose' }
  | { ok: false; reason: 'expired'; payload: TokenClaims };

export interface VerifyOptions {
  /** longest token accepted (default 2048) */
  maxLength?: number;
  /**
   * Reads the signed claims of a plugin's token format from before the kit (same envelope, other
   * claim names) as TokenClaims, or null: links already in inboxes keep working until they expire.
   */
  legacy?: (claims: Record<string, unknown>) => TokenClaims | null;
}

const mac = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('base64url');

/** Constant-time comparison of two strings (lengths differ only for garbage, which leaks nothing useful). */
export function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function signToken(
  claims: { purpose: string; subject: string; expiresAt?: Date; extra?: Record<string, string | number> },
  secret: string,
): string {
  if (!secret) throw new Error('token secret is empty');
  const body: TokenClaims = { p: claims.purpose, s: claims.subject };
  if (claims.expiresAt) body.e = Math.floor(claims.expiresAt.getTime() / 1000);
  if (claims.extra) body.x = claims.extra;
  const encoded = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${encoded}.${mac(encoded, secret)}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function asClaims(value: Record<string, unknown>): TokenClaims | null {
  if (typeof value.p !== 'string' || typeof value.s !== 'string') return null;
  if (value.e !== undefined && !Number.isInteger(value.e)) return null;
  if (value.x !== undefined && !isRecord(value.x)) return null;
  return value as unknown as TokenClaims;
}

/** Signature first (constant time), then the claims, the purpose, the expiry. */
export function verifyToken(
  token: unknown,
  purpose: string,
  secret: string,
  now: Date = new Date(),
  options: VerifyOptions = {},
): TokenVerdict {
  if (typeof token !== 'string' || token.length > (options.maxLength ?? 2048))
    return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [encoded, signature] = parts;
  if (!secret || !safeEqual(mac(encoded, secret), signature)) return { ok: false, reason: 'bad-signature' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isRecord(parsed)) return { ok: false, reason: 'malformed' };
  const payload = asClaims(parsed) ?? options.legacy?.(parsed) ?? null;
  if (!payload) return { ok: false, reason: 'malformed' };
  if (payload.p !== purpose) return { ok: false, reason: 'wrong-purpose' };
  if (payload.e !== undefined && payload.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired', payload };
  return { ok: true, payload };
}

/** A key for one purpose derived from a shared secret (HMAC-SHA256, base64url): one secret, independent keys. */
export const deriveKey = (secret: string, label: string): string =>
  createHmac('sha256', secret).update(label).digest('base64url');

/** A keyed hash for values we must be able to match but must not store (IPs, erased emails). */
export const keyedHash = (value: string, secret: string): string =>
  createHmac('sha256', secret).update(value).digest('hex');

/** What the database keeps instead of a token: a link can be matched but not rebuilt. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
