import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';

export interface IcsSession {
  /** the session's document id: the event's UID is made from it */
  documentId: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** bumped when the session changes or is cancelled, so calendars replace their copy */
  sequence: number;
}

export interface IcsInput {
  session: IcsSession;
  title: string;
  description: string;
  /** the webinar's page on the site */
  url: string;
  organizer: { name: string; email: string };
  /** the host part of the UID, e.g. the CMS's host name */
  domain: string;
  /** the registrant, for an invitation sent to them */
  attendee?: { email: string; name?: string };
  /** where to join: only in a registrant's own file, never in the public one */
  location?: string;
  method?: 'REQUEST' | 'PUBLISH' | 'CANCEL';
  productName?: string;
}

/** One UID per session: a registrant's invitation and the public file describe the same event. */
export const sessionUid = (sessionDocumentId: string, domain: string) =>
  `webinar-session-${sessionDocumentId}@${domain}`;

/**
 * An RFC 5545 calendar with one event, in the session's time zone (TZID with its VTIMEZONE),
 * with ORGANIZER, URL and a stable UID. METHOD:REQUEST for invitations, CANCEL when the session
 * is called off (same UID, higher SEQUENCE, STATUS:CANCELLED).
 */
export function buildIcs(input: IcsInput): string {
  const method = input.method ?? 'REQUEST';
  const calendar = ical({
    prodId: { company: 'Magnetiq', product: input.productName ?? 'Webinars', language: 'EN' },
    method:
      method === 'CANCEL'
        ? ICalCalendarMethod.CANCEL
        : method === 'PUBLISH'
          ? ICalCalendarMethod.PUBLISH
          : ICalCalendarMethod.REQUEST,
    timezone: { name: input.session.timeZone, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: sessionUid(input.session.documentId, input.domain),
    sequence: input.session.sequence,
    start: DateTime.fromJSDate(input.session.startsAt, { zone: input.session.timeZone }),
    end: DateTime.fromJSDate(input.session.endsAt, { zone: input.session.timeZone }),
    timezone: input.session.timeZone,
    stamp: new Date(),
    summary: input.title,
    description: input.description,
    url: input.url,
    location: input.location ?? input.url,
    organizer: { name: input.organizer.name, email: input.organizer.email },
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    attendees: input.attendee
      ? [
          {
            email: input.attendee.email,
            name: input.attendee.name,
            role: ICalAttendeeRole.REQ,
            status: method === 'CANCEL' ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
            rsvp: false,
          },
        ]
      : [],
  });
  return calendar.toString();
}
