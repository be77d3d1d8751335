import { describe, expect, it } from 'vitest';
import { dueReminders, formatSessionTime, isValidTimeZone, reminderDueAt, wantsReminder } from './reminders';

const iso = (value: string) => new Date(value);
const hoursBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3600_000;

describe('reminder due times', () => {
  it.each([
    // Berlin leaves winter time on 29 March 2026 (02:00 → 03:00): the day before is 23 hours away.
    ['the day after spring forward', '2026-03-29T08:00:00Z', 'Europe/Berlin', '2026-03-28T09:00:00.000Z', 23],
    // ... and returns to it on 25 October 2026 (03:00 → 02:00): 25 hours.
    ['the day after fall back', '2026-10-25T09:00:00Z', 'Europe/Berlin', '2026-10-24T08:00:00.000Z', 25],
    ['an ordinary day', '2026-12-08T09:00:00Z', 'Europe/Berlin', '2026-12-07T09:00:00.000Z', 24],
    // New York changes on another date (8 March 2026)
    ['New York after its spring forward', '2026-03-08T14:00:00Z', 'America/New_York', '2026-03-07T15:00:00.000Z', 23],
  ])('24 h reminder on %s: same local time the day before', (_name, start, zone, due, elapsed) => {
    const dueAt = reminderDueAt('24h', iso(start), zone);
    expect(dueAt.toISOString()).toBe(due);
    expect(hoursBetween(dueAt, iso(start))).toBe(elapsed);
  });

  it('keeps the 1 h reminder at 60 elapsed minutes, even in the hour after a DST change', () => {
    expect(reminderDueAt('1h', iso('2026-03-29T01:30:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    );
  });

  it('rejects an unknown time zone', () => {
    expect(() => reminderDueAt('24h', iso('2026-12-08T09:00:00Z'), 'Mars/Olympus')).toThrow(/time zone/);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('which reminders are due', () => {
  const session = { startsAt: iso('2026-03-29T08:00:00Z'), timeZone: 'Europe/Berlin' };

  it.each([
    ['25 hours before: none', '2026-03-28T07:00:00Z', [], { send: [], skip: [] }],
    ['just before the 24 h time: none', '2026-03-28T08:59:59Z', [], { send: [], skip: [] }],
    ['at the 24 h time', '2026-03-28T09:00:00Z', [], { send: ['24h'], skip: [] }],
    ['after it was sent: none', '2026-03-28T12:00:00Z', ['24h'], { send: [], skip: [] }],
    ['at the 1 h time', '2026-03-29T07:00:00Z', ['24h'], { send: ['1h'], skip: [] }],
    ['1 h due and 24 h missed: only 1 h', '2026-03-29T07:10:00Z', [], { send: ['1h'], skip: ['24h'] }],
    ['both done: none', '2026-03-29T07:30:00Z', ['24h', '1h'], { send: [], skip: [] }],
    ['after the start: none', '2026-03-29T08:00:00Z', [], { send: [], skip: [] }],
  ] as const)('%s', (_name, now, done, plan) => {
    expect(dueReminders(session, iso(now), done)).toEqual(plan);
  });

  it('reminds only people who registered before the reminder was due', () => {
    expect(wantsReminder('24h', session, iso('2026-03-20T10:00:00Z'))).toBe(true);
    expect(wantsReminder('24h', session, iso('2026-03-28T20:00:00Z'))).toBe(false);
    expect(wantsReminder('1h', session, iso('2026-03-28T20:00:00Z'))).toBe(true);
  });
});

describe('session time for people', () => {
  it('shows the time in the session zone, in English and German', () => {
    const start = iso('2026-12-08T09:00:00Z');
    const end = iso('2026-12-08T10:00:00Z');
    expect(formatSessionTime(start, end, 'Europe/Berlin', 'en')).toBe(
      'Tuesday, December 8, 2026, 10:00–11:00 GMT+1 (Europe/Berlin)',
    );
    expect(formatSessionTime(start, end, 'Europe/Berlin', 'de')).toBe(
      'Dienstag, 8. Dezember 2026, 10:00–11:00 MEZ (Europe/Berlin)',
    );
  });
});
