/**
 * "Add to calendar" links for the confirmation email. Both services take UTC instants; Google
 * also takes the zone to show the event in (ctz). Neither link carries the join URL: a link can
 * be forwarded, and the calendar entry points to the webinar page.
 */
export interface CalendarEvent {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** the webinar's page */
  location: string;
}

const compactUtc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const isoUtc = (date: Date) => date.toISOString().replace(/\.\d{3}/, '');

export function googleCalendarUrl(event: CalendarEvent): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.searchParams.set('action', 'TEMPLATE');
  url.searchParams.set('text', event.title);
  url.searchParams.set('dates', `${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`);
  url.searchParams.set('ctz', event.timeZone);
  url.searchParams.set('details', event.description);
  url.searchParams.set('location', event.location);
  return url.toString();
}

/** Outlook on the web; `office` for Microsoft 365 work accounts, else outlook.com. */
export function outlookCalendarUrl(event: CalendarEvent, { office = false } = {}): string {
  const url = new URL(`https://${office ? 'outlook.office.com' : 'outlook.live.com'}/calendar/0/action/compose`);
  url.searchParams.set('path', '/calendar/action/compose');
  url.searchParams.set('rru', 'addevent');
  url.searchParams.set('subject', event.title);
  url.searchParams.set('startdt', isoUtc(event.startsAt));
  url.searchParams.set('enddt', isoUtc(event.endsAt));
  url.searchParams.set('body', event.description);
  url.searchParams.set('location', event.location);
  return url.toString();
}

export const calendarLinks = (event: CalendarEvent) => ({
  google: googleCalendarUrl(event),
  outlook: outlookCalendarUrl(event),
  office365: outlookCalendarUrl(event, { office: true }),
});
