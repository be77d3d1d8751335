import crypto from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Magnetiq-Signature';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the same scheme as GitHub's X-Hub-Signature-256. */
export function signWebhookBody(secret: string, rawBody: string | Buffer): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Constant-time check of a received signature header against the raw body. */
export function verifyWebhookSignature(
  secret: string,
  rawBody: string | Buffer,
  header: string | null | undefined,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, rawBody));
  const received = Buffer.from(header);
  return expected.length === received.length && crypto.timingSafeEqual(expected, received);
}

/**
 * Several publishes within one window become one rebuild: they share the window's idempotency
 * key (the outbox ignores duplicates) and are delivered when the window closes.
 */
export function rebuildWindow(now: number, debounceMs: number): { key: string; notBefore: Date } {
  if (debounceMs <= 0) return { key: `site.rebuild:${now}:${crypto.randomUUID()}`, notBefore: new Date(now) };
  const start = Math.floor(now / debounceMs) * debounceMs;
  return { key: `site.rebuild:${new Date(start).toISOString()}`, notBefore: new Date(start + debounceMs) };
}
