import type { Locale } from '../consts';

/** Versions of the consent wording of the webinar and booking forms; change with the wording. */
export const WEBINAR_CONSENT_TEXT_VERSION = 'webinar-form-2026-12';
export const BOOKING_CONSENT_TEXT_VERSION = 'booking-form-2026-12';

export const WEBINAR_STRINGS = {
  en: {
    webinars: 'Webinars',
    intro: 'Live sessions with practitioners on B2B lead generation, free to join.',
    upcoming: 'Upcoming webinars',
    past: 'Past webinars',
    none: 'No webinars scheduled right now.',
    view: 'View webinar',
    sessions: 'Dates',
    speakers: 'Speakers',
    recording: 'Watch the recording',
    addToCalendar: 'Add to calendar',
    cancelled: 'Cancelled',
    register: 'Register',
    heading: 'Register for free',
    session: 'Date',
    seatsLeft: (n: number) => (n === 1 ? '1 seat left' : `${n} seats left`),
    full: 'Fully booked: join the waiting list',
    closed: 'Registration closed',
    mayBeLimited: 'Seats may be limited.',
    dataProcessing: 'I agree that Magnetiq stores my details to register me for this webinar and to send me the access details and reminders.',
    // the same words for a seat and the waiting list: the API does not say which, the email does
    success: 'Thank you! Your registration is in. We have emailed you the details of your place.',
    notFound: 'This webinar is no longer available.',
    noSessions: 'There is no upcoming date for this webinar.',
  },
  de: {
    webinars: 'Webinare',
    intro: 'Live-Sessions mit Praktikern zur B2B-Leadgenerierung, kostenlos.',
    upcoming: 'Kommende Webinare',
    past: 'Vergangene Webinare',
    none: 'Zurzeit sind keine Webinare geplant.',
    view: 'Zum Webinar',
    sessions: 'Termine',
    speakers: 'Referenten',
    recording: 'Aufzeichnung ansehen',
    addToCalendar: 'In den Kalender',
    cancelled: 'Abgesagt',
    register: 'Anmelden',
    heading: 'Kostenlos anmelden',
    session: 'Termin',
    seatsLeft: (n: number) => (n === 1 ? 'Noch 1 Platz frei' : `Noch ${n} Plätze frei`),
    full: 'Ausgebucht: auf die Warteliste',
    closed: 'Anmeldung geschlossen',
    mayBeLimited: 'Die Plätze sind begrenzt.',
    dataProcessing: 'Ich bin einverstanden, dass Magnetiq meine Angaben speichert, um mich für dieses Webinar anzumelden und mir Zugangsdaten und Erinnerungen zu schicken.',
    success: 'Vielen Dank! Ihre Anmeldung ist eingegangen. Die Details zu Ihrem Platz haben wir Ihnen per E-Mail geschickt.',
    notFound: 'Dieses Webinar ist nicht mehr verfügbar.',
    noSessions: 'Für dieses Webinar gibt es keinen kommenden Termin.',
  },
} satisfies Record<Locale, Record<string, string | ((n: number) => string)>>;

export const BOOKING_STRINGS = {
  en: {
    book: 'Book a meeting',
    minutes: 'minutes',
    chooseDay: 'Choose a day',
    chooseTime: 'Choose a time',
    timesIn: (zone: string) => `Times are shown in your time zone (${zone}).`,
    loading: 'Loading free times…',
    noSlots: 'No free times in the next weeks. Please contact us instead.',
    noSlotsDay: 'No free times on this day.',
    loadFailed: 'The free times could not be loaded. Please try again later.',
    change: 'Change time',
    details: 'Your details',
    selected: 'Selected time',
    submit: 'Book this time',
    dataProcessing: 'I agree that Magnetiq stores my details to arrange this meeting and to send me the invitation.',
    taken: 'That time was just taken. Please choose another one.',
    success: 'Your meeting is booked. We have emailed you the invitation with a link to change or cancel it.',
    with: 'with',
    notFound: 'This meeting type is no longer offered.',
    manageTitle: 'Your booking',
    manageLoading: 'Loading your booking…',
    manageInvalid: 'This link is not valid any more. If you rescheduled, please use the link from the latest email.',
    manageNoToken: 'This page needs the link from your booking email.',
    status: { confirmed: 'Confirmed', rescheduled: 'Rescheduled', cancelled: 'Cancelled' } as Record<string, string>,
    cancel: 'Cancel the booking',
    cancelReason: 'Reason (optional)',
    confirmCancel: 'Yes, cancel it',
    cancelled: 'Your booking is cancelled. We have emailed you a confirmation.',
    reschedule: 'Choose a new time',
    rescheduled: 'Your booking is moved. We have emailed you the new invitation and a new link.',
    notChangeable: 'This booking can no longer be changed.',
    failed: 'Something went wrong. Please try again later.',
    back: 'Back',
  },
  de: {
    book: 'Termin buchen',
    minutes: 'Minuten',
    chooseDay: 'Tag wählen',
    chooseTime: 'Uhrzeit wählen',
    timesIn: (zone: string) => `Die Zeiten gelten in Ihrer Zeitzone (${zone}).`,
    loading: 'Freie Zeiten werden geladen…',
    noSlots: 'In den nächsten Wochen ist nichts frei. Bitte kontaktieren Sie uns direkt.',
    noSlotsDay: 'An diesem Tag ist nichts frei.',
    loadFailed: 'Die freien Zeiten konnten nicht geladen werden. Bitte versuchen Sie es später erneut.',
    change: 'Andere Zeit',
    details: 'Ihre Angaben',
    selected: 'Gewählte Zeit',
    submit: 'Termin buchen',
    dataProcessing: 'Ich bin einverstanden, dass Magnetiq meine Angaben speichert, um diesen Termin zu vereinbaren und mir die Einladung zu schicken.',
    taken: 'Diese Zeit wurde gerade vergeben. Bitte wählen Sie eine andere.',
    success: 'Ihr Termin ist gebucht. Die Einladung mit einem Link zum Ändern oder Absagen haben wir Ihnen per E-Mail geschickt.',
    with: 'mit',
    notFound: 'Diese Terminart wird nicht mehr angeboten.',
    manageTitle: 'Ihr Termin',
    manageLoading: 'Ihr Termin wird geladen…',
    manageInvalid: 'Dieser Link gilt nicht mehr. Falls Sie den Termin verschoben haben, nutzen Sie bitte den Link aus der neuesten E-Mail.',
    manageNoToken: 'Diese Seite braucht den Link aus Ihrer Buchungs-E-Mail.',
    status: { confirmed: 'Bestätigt', rescheduled: 'Verschoben', cancelled: 'Abgesagt' } as Record<string, string>,
    cancel: 'Termin absagen',
    cancelReason: 'Grund (optional)',
    confirmCancel: 'Ja, absagen',
    cancelled: 'Ihr Termin ist abgesagt. Eine Bestätigung haben wir Ihnen per E-Mail geschickt.',
    reschedule: 'Neue Zeit wählen',
    rescheduled: 'Ihr Termin ist verschoben. Die neue Einladung und einen neuen Link haben wir Ihnen per E-Mail geschickt.',
    notChangeable: 'Dieser Termin kann nicht mehr geändert werden.',
    failed: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es später erneut.',
    back: 'Zurück',
  },
};

const DATE_LOCALE: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

/** "Wednesday, 16 December 2026, 10:00 CET": a moment in a given IANA zone, in the page's language. */
export function formatInZone(lang: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[lang], { dateStyle: 'full', timeStyle: 'short', timeZone, timeZoneName: undefined }).format(new Date(iso)) + ` (${zoneName(lang, iso, timeZone)})`;
}

export function zoneName(lang: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[lang], { timeZone, timeZoneName: 'short' }).formatToParts(new Date(iso)).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** "Mon, 7 Dec" for a visitor-local date "2026-12-07" (no zone arithmetic: the date is already local). */
/** "with Mara Vogel and Daniel Reyes" / "mit Mara Vogel und Daniel Reyes": names joined as the locale lists them. */
export function withNames(lang: Locale, names: string[]): string {
  return `${BOOKING_STRINGS[lang].with} ${new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names)}`;
}

export function formatDay(lang: Locale, date: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[lang], { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** What a session says about its seats; the same words for waitlist and seat on purpose after registering. */
export function seatsWording(lang: Locale, session: { status: string; seatsLeft?: number | null; full?: boolean | null; registrationOpen?: boolean | null }): string {
  const t = WEBINAR_STRINGS[lang];
  if (session.status === 'cancelled') return t.cancelled;
  if (session.registrationOpen === false) return t.closed;
  if (session.full) return t.full;
  if (typeof session.seatsLeft === 'number') return t.seatsLeft(session.seatsLeft);
  return t.mayBeLimited;
}
