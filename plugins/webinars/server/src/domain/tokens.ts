import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The self-service token of a registration (cancel link, personal calendar file):
 * "<registration document id>.<HMAC>". No expiry: it stops working when the session starts or
 * the registration is cancelled, which the service checks. The key is derived per purpose, so a
 * token of another plugin signed with the same secret never verifies here.
 */
const PURPOSE = 'webinars:registration:v1';
const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

const key = (secret: string) => createHmac('sha256', secret).update(PURPOSE).digest();
const mac = (registration: string, secret: string) => createHmac('sha256', key(secret)).update(registration).digest('base64url');

export function signRegistrationToken(registrationDocumentId: string, secret: string): string {
  if (!secret) throw new Error('token secret is empty');
  if (!DOCUMENT_ID.test(registrationDocumentId)) throw new Error('not a document id');
  return `${registrationDocumentId}.${mac(registrationDocumentId, secret)}`;
}

/** The registration's document id, or null for anything that is not a token we signed. */
export function verifyRegistrationToken(token: unknown, secret: string): string | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [registration, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !registration || !signature || !DOCUMENT_ID.test(registration)) return null;
  const expected = Buffer.from(mac(registration, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? registration : null;
}
