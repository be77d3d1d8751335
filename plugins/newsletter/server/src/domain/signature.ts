import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * SendGrid's Signed Event Webhook: ECDSA (P-256) with SHA-256 over `timestamp + raw body`, the
 * signature in the `X-Twilio-Email-Event-Webhook-Signature` header (base64 of the DER signature),
 * the timestamp in `X-Twilio-Email-Event-Webhook-Timestamp` (Unix seconds), the public key from
 * the SendGrid settings (base64 of the DER SubjectPublicKeyInfo). A timestamp outside the replay
 * window is refused even with a good signature: a captured request cannot be played again later.
 */
export type SignatureVerdict =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'bad-signature' | 'no-key' };

/** The key as SendGrid shows it (base64 DER, or a PEM block); null when empty or unreadable. */
export function webhookPublicKey(value: string | undefined | null): KeyObject | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  try {
    if (text.includes('BEGIN PUBLIC KEY')) return createPublicKey(text);
    return createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

export function verifyEventSignature(input: {
  publicKey: KeyObject | null;
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: Buffer | string | undefined;
  now: Date;
  /** seconds a signed request stays acceptable, both ways (clock skew) */
  toleranceSeconds: number;
}): SignatureVerdict {
  if (!input.publicKey) return { ok: false, reason: 'no-key' };
  const { signature, timestamp, rawBody } = input;
  if (!signature || !timestamp || rawBody === undefined) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp) || signature.length > 512 || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature))
    return { ok: false, reason: 'malformed' };
  const age = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (age > input.toleranceSeconds) return { ok: false, reason: 'stale' };
  const payload = Buffer.concat([
    Buffer.from(timestamp, 'utf8'),
    Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8'),
  ]);
  let good: boolean;
  try {
    good = verify('sha256', payload, { key: input.publicKey, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
  } catch {
    // a signature that is not DER at all
    good = false;
  }
  return good ? { ok: true } : { ok: false, reason: 'bad-signature' };
}
