import { describe, expect, it } from 'vitest';
import { zonedToUtc } from './zonedTime';

describe('a local start time typed for a zone', () => {
  it.each([
    ['winter in Berlin', '2026-12-08T10:00', 'Europe/Berlin', '2026-12-08T09:00:00.000Z'],
    ['summer in Berlin', '2026-07-01T10:00', 'Europe/Berlin', '2026-07-01T08:00:00.000Z'],
    ['the morning after spring forward', '2026-03-29T10:00', 'Europe/Berlin', '2026-03-29T08:00:00.000Z'],
    ['New York', '2026-07-01T10:00', 'America/New_York', '2026-07-01T14:00:00.000Z'],
    ['UTC', '2026-07-01T10:00', 'UTC', '2026-07-01T10:00:00.000Z'],
  ])('%s', (_name, local, zone, utc) => {
    expect(zonedToUtc(local, zone).toISOString()).toBe(utc);
  });
});
