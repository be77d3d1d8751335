import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface InvitationInput {
  method: 'REQUEST' | 'CANCEL';
  /** stable across reschedule and cancel, so calendars update the same entry */
  uid: string;
  /** raised on every change (RFC 5546: a higher SEQUENCE replaces the earlier one) */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer: { name: string; email: string };
  attendee: { name?: string; email: string };
  now?: Date;
}

/** An iTIP invitation (RFC 5546) as an .ics file: METHOD:REQUEST to book or move, CANCEL to cancel. */
export function invitationIcs(input: InvitationInput): string {
  const calendar = ical({
    prodId: { company: 'Magnetiq', product: 'booking', language: 'EN' },
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: input.now ?? new Date(),
    start: input.start,
    end: input.end,
    summary: input.summary,
    description: input.description,
    location: input.location,
    url: input.url,
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: input.method === 'CANCEL' ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}
