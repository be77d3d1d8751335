import { createHmac } from 'node:crypto';
import { DOCUMENT_ID, safeEqual, signToken, verifyToken } from '@magnetiq/plugin-kit/server';

/**
 * The self-service token of a registration (cancel link, personal calendar file), in the kit's
 * token format (docs/adr/0019) with this plugin's purpose; no expiry: it stops working when the
 * session starts or the registration is cancelled, which the service checks.
 */
export const REGISTRATION_PURPOSE = 'webinar-registration';

/**
 * Links sent before the kit were "<registration document id>.<HMAC under a key derived for
 * webinars:registration:v1>", without expiry: they keep working until their session has started.
 */
const LEGACY_PURPOSE = 'webinars:registration:v1';

function verifyLegacyToken(token: string, secret: string): string | null {
  const [registration, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !registration || !signature || !DOCUMENT_ID.test(registration)) return null;
  const key = createHmac('sha256', secret).update(LEGACY_PURPOSE).digest();
  return safeEqual(createHmac('sha256', key).update(registration).digest('base64url'), signature) ? registration : null;
}

export function signRegistrationToken(registrationDocumentId: string, secret: string): string {
  if (!secret) throw new Error('token secret is empty');
  if (!DOCUMENT_ID.test(registrationDocumentId)) throw new Error('not a document id');
  return signToken({ purpose: REGISTRATION_PURPOSE, subject: registrationDocumentId }, secret);
}

/** The registration's document id, or null for anything that is not a token we signed. */
export function verifyRegistrationToken(token: unknown, secret: string): string | null {
  if (typeof token !== 'string' || token.length > 512) return null;
  const verdict = verifyToken(token, REGISTRATION_PURPOSE, secret);
  if (verdict.ok) return DOCUMENT_ID.test(verdict.payload.s) ? verdict.payload.s : null;
  return verifyLegacyToken(token, secret);
}
