/**
 * Booking emails, one copy per language (`BOOKING_EMAIL_LOCALES`), rendered by the leads core's
 * email service, which picks the fallback for a locale without a copy. Every value
 * that came from a visitor or an editor goes through kit.escapeHtml.
 */
import { DateTime } from 'luxon';

/** a locale code the email service picked from BOOKING_EMAIL_LOCALES */
type Locale = string;
interface Kit {
  escapeHtml(value: string): string;
  layout(bodyHtml: string, footerHtml?: string): string;
  paragraphs(text: string): string;
}

export const TEMPLATES = {
  confirmed: 'booking-confirmed',
  hostNew: 'booking-host-new',
  rescheduled: 'booking-rescheduled',
  cancelled: 'booking-cancelled',
  reminder: 'booking-reminder',
  details: 'booking-details',
} as const;

export interface BookingEmailData {
  firstName?: string;
  visitorName?: string;
  meetingTitle: string;
  hostName: string;
  /** ISO instants; formatted in `timeZone` for the recipient */
  start: string;
  end: string;
  timeZone: string;
  location?: string | null;
  manageUrl?: string;
  /** the Google Meet link of the host's calendar event */
  meetLink?: string | null;
  /** the Meet link is being created: it follows in the "details" email */
  meetLinkFollows?: boolean;
  reason?: string | null;
  answers?: Array<{ label: string; answer: string }>;
  siteName?: string;
}

export function formatWhen(start: string, end: string, timeZone: string, locale: Locale): string {
  const from = DateTime.fromISO(start, { zone: timeZone }).setLocale(locale);
  const to = DateTime.fromISO(end, { zone: timeZone }).setLocale(locale);
  const day = from.toLocaleString({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  return `${day}, ${from.toFormat('HH:mm')}–${to.toFormat('HH:mm')} (${timeZone})`;
}

const copy = {
  en: {
    hello: (name?: string) => (name ? `Hello ${name},` : 'Hello,'),
    confirmedSubject: (title: string) => `Booked: ${title}`,
    confirmedIntro: (title: string, host: string) => `your ${title} with ${host} is booked.`,
    hostSubject: (title: string, visitor: string) => `New booking: ${title} with ${visitor}`,
    hostIntro: (title: string, visitor: string) => `${visitor} booked a ${title} with you.`,
    rescheduledSubject: (title: string) => `Moved: ${title}`,
    rescheduledIntro: (title: string) => `your ${title} has a new time.`,
    cancelledSubject: (title: string) => `Cancelled: ${title}`,
    cancelledIntro: (title: string) => `the ${title} has been cancelled.`,
    reminderSubject: (title: string) => `Tomorrow: ${title}`,
    reminderIntro: (title: string, host: string) => `a reminder of your ${title} with ${host}.`,
    detailsSubject: (title: string) => `Video link: ${title}`,
    detailsIntro: (title: string, host: string) => `here is the video link for your ${title} with ${host}.`,
    meetLink: 'Video link',
    meetLinkFollows: 'The video link follows in a separate email as soon as the meeting is in the host’s calendar.',
    when: 'When',
    where: 'Where',
    reason: 'Reason',
    manage: 'Need another time? Reschedule or cancel here:',
    calendar: 'The attached invitation adds it to your calendar.',
  },
  de: {
    hello: (name?: string) => (name ? `Hallo ${name},` : 'Hallo,'),
    confirmedSubject: (title: string) => `Gebucht: ${title}`,
    confirmedIntro: (title: string, host: string) => `Ihr Termin „${title}“ mit ${host} ist gebucht.`,
    hostSubject: (title: string, visitor: string) => `Neue Buchung: ${title} mit ${visitor}`,
    hostIntro: (title: string, visitor: string) => `${visitor} hat einen Termin „${title}“ bei Ihnen gebucht.`,
    rescheduledSubject: (title: string) => `Verschoben: ${title}`,
    rescheduledIntro: (title: string) => `Ihr Termin „${title}“ hat eine neue Zeit.`,
    cancelledSubject: (title: string) => `Abgesagt: ${title}`,
    cancelledIntro: (title: string) => `der Termin „${title}“ wurde abgesagt.`,
    reminderSubject: (title: string) => `Morgen: ${title}`,
    reminderIntro: (title: string, host: string) => `eine Erinnerung an Ihren Termin „${title}“ mit ${host}.`,
    detailsSubject: (title: string) => `Videolink: ${title}`,
    detailsIntro: (title: string, host: string) => `hier ist der Videolink für Ihren Termin „${title}“ mit ${host}.`,
    meetLink: 'Videolink',
    meetLinkFollows: 'Der Videolink folgt in einer eigenen E-Mail, sobald der Termin im Kalender des Hosts steht.',
    when: 'Wann',
    where: 'Wo',
    reason: 'Grund',
    manage: 'Passt die Zeit nicht? Hier verschieben oder absagen:',
    calendar: 'Mit der angehängten Einladung landet der Termin in Ihrem Kalender.',
  },
};
type Copy = (typeof copy)[keyof typeof copy];
const copies: Record<string, Copy> = copy;
/** The languages the booking emails are written in. */
export const BOOKING_EMAIL_LOCALES = Object.keys(copies);

type Kind = keyof typeof TEMPLATES;

export function renderBookingEmail(kind: Kind, locale: Locale, data: BookingEmailData, kit: Kit) {
  const text = copies[locale] ?? copies[BOOKING_EMAIL_LOCALES[0]];
  const visitor = data.visitorName || data.firstName || '';
  const [subject, intro, greetName] = (() => {
    switch (kind) {
      case 'confirmed':
        return [
          text.confirmedSubject(data.meetingTitle),
          text.confirmedIntro(data.meetingTitle, data.hostName),
          data.firstName,
        ];
      case 'hostNew':
        return [
          text.hostSubject(data.meetingTitle, visitor),
          text.hostIntro(data.meetingTitle, visitor),
          data.hostName,
        ];
      case 'rescheduled':
        return [text.rescheduledSubject(data.meetingTitle), text.rescheduledIntro(data.meetingTitle), data.firstName];
      case 'cancelled':
        return [text.cancelledSubject(data.meetingTitle), text.cancelledIntro(data.meetingTitle), data.firstName];
      case 'reminder':
        return [
          text.reminderSubject(data.meetingTitle),
          text.reminderIntro(data.meetingTitle, data.hostName),
          data.firstName,
        ];
      case 'details':
        return [
          text.detailsSubject(data.meetingTitle),
          text.detailsIntro(data.meetingTitle, data.hostName),
          data.firstName,
        ];
    }
  })();
  const when = formatWhen(data.start, data.end, data.timeZone, locale);
  const lines: Array<[string, string]> = [[text.when, when]];
  if (data.location) lines.push([text.where, data.location]);
  const meetLink = kind !== 'cancelled' && data.meetLink ? data.meetLink : undefined;
  if (meetLink) lines.push([text.meetLink, meetLink]);
  if (data.reason) lines.push([text.reason, data.reason]);
  for (const item of data.answers ?? []) lines.push([item.label, item.answer]);
  const manage = data.manageUrl && kind !== 'cancelled' && kind !== 'hostNew' ? data.manageUrl : undefined;

  const follows = !meetLink && data.meetLinkFollows && kind !== 'cancelled' ? text.meetLinkFollows : undefined;
  const plain = [
    text.hello(greetName),
    '',
    intro,
    '',
    ...lines.map(([label, value]) => `${label}: ${value}`),
    '',
    ...(follows ? [follows, ''] : []),
    ...(manage ? [text.manage, manage, ''] : []),
    ...(kind === 'cancelled' || kind === 'reminder' ? [] : [text.calendar]),
  ].join('\n');
  const html = kit.layout(
    [
      `<h1 style="font-size:20px">${kit.escapeHtml(subject)}</h1>`,
      `<p>${kit.escapeHtml(text.hello(greetName))}</p>`,
      `<p>${kit.escapeHtml(intro)}</p>`,
      `<table role="presentation">${lines.map(([label, value]) => `<tr><th align="left" style="padding-right:12px">${kit.escapeHtml(label)}</th><td>${value === meetLink ? `<a href="${kit.escapeHtml(value)}">${kit.escapeHtml(value)}</a>` : kit.escapeHtml(value)}</td></tr>`).join('')}</table>`,
      follows ? `<p>${kit.escapeHtml(follows)}</p>` : '',
      manage
        ? `<p>${kit.escapeHtml(text.manage)}<br><a href="${kit.escapeHtml(manage)}">${kit.escapeHtml(manage)}</a></p>`
        : '',
      kind === 'cancelled' || kind === 'reminder' ? '' : `<p>${kit.escapeHtml(text.calendar)}</p>`,
    ].join('\n'),
  );
  return { subject, text: plain, html, marketing: false };
}
