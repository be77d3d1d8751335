import type { Locale } from '../consts';
import { catalog, intlLocale, plural } from './messages';

/** Versions of the consent wording of the webinar and booking forms; change with the wording. */
export const WEBINAR_CONSENT_TEXT_VERSION = 'webinar-form-2026-12';
export const BOOKING_CONSENT_TEXT_VERSION = 'booking-form-2026-12';

export const WEBINAR_STRINGS = catalog('webinar');

export const BOOKING_STRINGS = catalog('booking');

/** "Wednesday, 16 December 2026, 10:00 CET": a moment in a given IANA zone, in the page's language. */
export function formatInZone(lang: Locale, iso: string, timeZone: string): string {
  return (
    new Intl.DateTimeFormat(intlLocale(lang), {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone,
      timeZoneName: undefined,
    }).format(new Date(iso)) + ` (${zoneName(lang, iso, timeZone)})`
  );
}

export function zoneName(lang: Locale, iso: string, timeZone: string): string {
  return (
    new Intl.DateTimeFormat(intlLocale(lang), { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(iso))
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  );
}

/** "Mon, 7 Dec" for a visitor-local date "2026-12-07" (no zone arithmetic: the date is already local). */
/** "with Mara Vogel and Daniel Reyes" / "mit Mara Vogel und Daniel Reyes": names joined as the locale lists them. */
export function withNames(lang: Locale, names: string[]): string {
  return `${BOOKING_STRINGS[lang].with} ${new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names)}`;
}

export function formatDay(lang: Locale, date: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** What a session says about its seats; the same words for waitlist and seat on purpose after registering. */
export function seatsWording(
  lang: Locale,
  session: { status: string; seatsLeft?: number | null; full?: boolean | null; registrationOpen?: boolean | null },
): string {
  const t = WEBINAR_STRINGS[lang];
  if (session.status === 'cancelled') return t.cancelled;
  if (session.registrationOpen === false) return t.closed;
  if (session.full) return t.full;
  if (typeof session.seatsLeft === 'number') return plural(lang, session.seatsLeft, t.seatsLeft);
  return t.mayBeLimited;
}
