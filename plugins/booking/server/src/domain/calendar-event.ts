import { createHash } from 'node:crypto';

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/**
 * Google Calendar accepts client-chosen event ids of 5-1024 characters from base32hex
 * (a-v, 0-9). Deriving the id from the booking makes "create" idempotent: a retry after a lost
 * answer hits 409 "already exists" instead of creating a second event.
 */
export function calendarEventIdFor(bookingDocumentId: string): string {
  const digest = createHash('sha256').update(`magnetiq-booking:${bookingDocumentId}`).digest();
  let bits = 0;
  let value = 0;
  let id = 'mq';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      id += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return id.slice(0, 42);
}
