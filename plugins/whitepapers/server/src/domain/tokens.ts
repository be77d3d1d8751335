import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Download links: base64url(JSON claims) + "." + base64url(HMAC-SHA256), the format of the leads
 * core's links but with this plugin's own secret and purpose, so a leads token never opens a file.
 * The claims bind the link to one contact and one whitepaper; the expiry is part of what is signed.
 */
export const DOWNLOAD_PURPOSE = 'whitepaper-download';

export interface DownloadClaims {
  /** purpose */
  p: string;
  /** the contact's document id: a link belongs to one contact */
  c: string;
  /** the whitepaper's document id */
  w: string;
  /** the download record's document id */
  d: string;
  /** expiry, seconds since epoch */
  e: number;
}

export type DownloadVerdict =
  | { ok: true; claims: DownloadClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'wrong-purpose' }
  | { ok: false; reason: 'expired'; claims: DownloadClaims };

const MAX_TOKEN_LENGTH = 1024;

const mac = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('base64url');

export function signDownloadToken(
  link: { contact: string; whitepaper: string; download: string; expiresAt: Date },
  secret: string
): string {
  if (!secret) throw new Error('whitepapers: token secret is empty');
  const claims: DownloadClaims = {
    p: DOWNLOAD_PURPOSE,
    c: link.contact,
    w: link.whitepaper,
    d: link.download,
    e: Math.floor(link.expiresAt.getTime() / 1000),
  };
  const encoded = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${encoded}.${mac(encoded, secret)}`;
}

/** Signature first (constant time), then the claims, then the expiry. */
export function verifyDownloadToken(token: string, secret: string, now: Date = new Date()): DownloadVerdict {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [encoded, signature] = parts;
  const expected = Buffer.from(mac(encoded, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  let claims: DownloadClaims;
  try {
    claims = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
  if (!claims || !isText(claims.c) || !isText(claims.w) || !isText(claims.d) || !Number.isInteger(claims.e)) {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.p !== DOWNLOAD_PURPOSE) return { ok: false, reason: 'wrong-purpose' };
  if (claims.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

/** What the database keeps instead of the token: a link can be matched but not rebuilt. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Keyed hash for values we count but must not store (client IPs). */
export const keyedHash = (value: string, secret: string) => createHmac('sha256', secret).update(value).digest('hex');
