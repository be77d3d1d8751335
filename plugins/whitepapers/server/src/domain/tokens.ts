import { signToken, verifyToken, type TokenClaims } from '@magnetiq/plugin-kit/server';

/**
 * Download links in the kit's token format (docs/adr/0019): subject = the download record, extra
 * claims c = the contact and w = the whitepaper, a signed expiry, this plugin's own secret and
 * purpose, so a leads token never opens a file.
 */
export const DOWNLOAD_PURPOSE = 'whitepaper-download';

/** What a download link names. */
export interface DownloadClaims {
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
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Links sent before the kit carried { p, c, w, d, e } (valid until their expiry): read as kit claims. */
const legacy = (claims: Record<string, unknown>): TokenClaims | null =>
  typeof claims.p === 'string' && isText(claims.d) && isText(claims.c) && isText(claims.w) && Number.isInteger(claims.e)
    ? { p: claims.p, s: claims.d, e: claims.e as number, x: { c: claims.c, w: claims.w } }
    : null;

const asDownload = (claims: TokenClaims): DownloadClaims | null =>
  isText(claims.s) && isText(claims.x?.c) && isText(claims.x?.w) && Number.isInteger(claims.e)
    ? { c: claims.x.c, w: claims.x.w, d: claims.s, e: claims.e as number }
    : null;

export function signDownloadToken(
  link: { contact: string; whitepaper: string; download: string; expiresAt: Date },
  secret: string,
): string {
  if (!secret) throw new Error('whitepapers: token secret is empty');
  return signToken(
    {
      purpose: DOWNLOAD_PURPOSE,
      subject: link.download,
      expiresAt: link.expiresAt,
      extra: { c: link.contact, w: link.whitepaper },
    },
    secret,
  );
}

/** Signature first (constant time), then the claims, then the expiry. */
export function verifyDownloadToken(token: string, secret: string, now: Date = new Date()): DownloadVerdict {
  const verdict = verifyToken(token, DOWNLOAD_PURPOSE, secret, now, { maxLength: MAX_TOKEN_LENGTH, legacy });
  if (!verdict.ok && verdict.reason !== 'expired') return verdict;
  const claims = asDownload(verdict.payload);
  if (!claims) return { ok: false, reason: 'malformed' };
  return verdict.ok ? { ok: true, claims } : { ok: false, reason: 'expired', claims };
}
