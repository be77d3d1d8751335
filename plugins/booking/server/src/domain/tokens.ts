import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The link in booking emails that lets the visitor cancel or reschedule: base64url(claims) + "." +
 * HMAC-SHA256, with this plugin's own purpose so no other Magnetiq token opens a booking. A random
 * nonce makes each booking's token unique; its hash is stored with the booking, so a link stops
 * working when the booking is cancelled or the meeting has begun (checked against the row).
 */
export const MANAGE_PURPOSE = 'booking-manage';

const sign = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('base64url');

export function signManageToken(bookingDocumentId: string, secret: string): string {
  if (!secret) throw new Error('booking: token secret is empty');
  const claims = Buffer.from(JSON.stringify({ p: MANAGE_PURPOSE, b: bookingDocumentId, n: randomBytes(9).toString('base64url') })).toString('base64url');
  return `${claims}.${sign(claims, secret)}`;
}

/** The booking's document id, or null for anything not signed by us for this purpose. */
export function verifyManageToken(token: unknown, secret: string): string | null {
  if (typeof token !== 'string' || token.length > 512) return null;
  const [claims, signature, extra] = token.split('.');
  if (!claims || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(claims, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'));
    return parsed?.p === MANAGE_PURPOSE && typeof parsed.b === 'string' ? parsed.b : null;
  } catch {
    return null;
  }
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
