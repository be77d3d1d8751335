import { describe, expect, it } from 'vitest';
import { formatDay, formatInZone, seatsWording, withNames } from './events';

describe('event wording', () => {
  it('shows a session in its display zone', () => {
    expect(formatInZone('en', '2026-12-16T09:00:00.000Z', 'Europe/Berlin')).toContain(
      '16 December 2026 at 10:00 (CET)',
    );
    expect(formatInZone('de', '2026-07-16T09:00:00.000Z', 'Europe/Berlin')).toContain('11:00 (MESZ)');
    expect(formatInZone('en', '2026-12-16T09:00:00.000Z', 'America/New_York')).toContain('04:00 (GMT-5)');
  });

  it('names a visitor-local day without shifting it', () => {
    expect(formatDay('en', '2026-12-07')).toMatch(/^Mon,? 7 Dec$/);
    expect(formatDay('de', '2026-12-07')).toBe('Mo., 7. Dez.');
  });

  it('words the seats', () => {
    expect(seatsWording('en', { status: 'scheduled', seatsLeft: 3, full: false, registrationOpen: true })).toBe(
      '3 seats left',
    );
    expect(seatsWording('en', { status: 'scheduled', seatsLeft: 1, full: false, registrationOpen: true })).toBe(
      '1 seat left',
    );
    expect(seatsWording('de', { status: 'scheduled', seatsLeft: 0, full: true, registrationOpen: true })).toBe(
      'Ausgebucht: auf die Warteliste',
    );
    expect(seatsWording('en', { status: 'cancelled', seatsLeft: 3, full: false, registrationOpen: false })).toBe(
      'Cancelled',
    );
    expect(seatsWording('en', { status: 'scheduled', seatsLeft: 3, full: false, registrationOpen: false })).toBe(
      'Registration closed',
    );
  });

  it.each([
    ['en', ['Mara Vogel'], 'with Mara Vogel'],
    ['en', ['Mara Vogel', 'Daniel Reyes'], 'with Mara Vogel and Daniel Reyes'],
    ['en', ['Mara Vogel', 'Daniel Reyes', 'Lena Marquardt'], 'with Mara Vogel, Daniel Reyes, and Lena Marquardt'],
    ['de', ['Mara Vogel', 'Daniel Reyes'], 'mit Mara Vogel und Daniel Reyes'],
    ['de', ['Mara Vogel', 'Daniel Reyes', 'Lena Marquardt'], 'mit Mara Vogel, Daniel Reyes und Lena Marquardt'],
  ] as const)('names the hosts in %s as the locale lists them: %j', (lang, names, expected) => {
    expect(withNames(lang, [...names])).toBe(expected);
  });
});
