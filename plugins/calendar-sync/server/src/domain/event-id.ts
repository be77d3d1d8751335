import { createHash } from 'node:crypto';

/**
 * The Google event id of a thing we put on a calendar, derived from its reference
 * (`webinar-session:<documentId>`, …). Google accepts client-chosen ids of 5-1024 characters
 * from base32hex (0-9, a-v); hex digits are a subset of it. The same reference always gives
 * the same id, so a retried create gets 409 "already exists" instead of a second event.
 */
export function eventIdForReference(reference: string): string {
  return `mq${createHash('sha256').update(`magnetiq-calendar:${reference}`).digest('hex')}`;
}
