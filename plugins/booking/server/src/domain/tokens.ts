import { randomBytes } from 'node:crypto';
import { signToken, verifyToken, type TokenClaims } from '@magnetiq/plugin-kit/server';

/**
 * The link in booking emails that lets the visitor cancel or reschedule, in the kit's token format
 * (docs/adr/0019) with this plugin's own purpose, so no other Magnetiq token opens a booking. A
 * random nonce (extra claim n) makes each booking's token unique; its hash is stored with the
 * booking, so a link stops working when the booking is cancelled or the meeting has begun.
 */
export const MANAGE_PURPOSE = 'booking-manage';

/** Links sent before the kit carried { p, b: booking, n } (valid until the meeting): read as kit claims. */
const legacy = (claims: Record<string, unknown>): TokenClaims | null =>
  typeof claims.p === 'string' && typeof claims.b === 'string' ? { p: claims.p, s: claims.b } : null;

export function signManageToken(bookingDocumentId: string, secret: string): string {
  if (!secret) throw new Error('booking: token secret is empty');
  return signToken(
    { purpose: MANAGE_PURPOSE, subject: bookingDocumentId, extra: { n: randomBytes(9).toString('base64url') } },
    secret,
  );
}

/** The booking's document id, or null for anything not signed by us for this purpose. */
export function verifyManageToken(token: unknown, secret: string): string | null {
  const verdict = verifyToken(token, MANAGE_PURPOSE, secret, new Date(), { maxLength: 512, legacy });
  return verdict.ok ? verdict.payload.s : null;
}
