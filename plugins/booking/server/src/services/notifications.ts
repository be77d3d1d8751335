import type { Core } from '@strapi/strapi';
import { TEMPLATES, type BookingEmailData } from '../domain/emails';
import { invitationIcs } from '../domain/ics';
import { getConfig, TOPIC } from '../utils';
import type { HostRecord, MeetingTypeRecord } from './catalog';

/** What the emails, invitations and calendar events of one booking are made from. */
export interface BookingFacts {
  documentId: string;
  start: Date;
  end: Date;
  visitorTimeZone: string;
  /** the visitor's locale code */
  language: string;
  sequence: number;
  type: MeetingTypeRecord;
  host: HostRecord;
  visitor: {
    email: string;
    firstName?: string | null;
    lastName?: string | null;
    contactId?: number;
    contactDocumentId?: string;
  };
  answers: Record<string, string>;
  calendarEventId: string | null;
  /** the Google Meet link of the host's event, once calendar-sync has created it */
  meetLink?: string | null;
  manageToken?: string;
}

type Message = {
  topic: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  contactId?: number;
  notBefore?: Date;
};

const fullName = (visitor: BookingFacts['visitor']) =>
  [visitor.firstName, visitor.lastName].filter(Boolean).join(' ') || visitor.email;
const LOCATION_LABEL = {
  video: { en: 'Video call', de: 'Videocall' },
  phone: { en: 'Phone call', de: 'Telefonat' },
  'on-site': { en: 'On site', de: 'Vor Ort' },
} as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getConfig(strapi);

  const manageUrl = (facts: BookingFacts) =>
    facts.manageToken
      ? `${config().siteUrl}/${facts.language}${config().managePath}?token=${encodeURIComponent(facts.manageToken)}`
      : undefined;

  const locationText = (facts: BookingFacts, locale: string) =>
    [
      (LOCATION_LABEL[facts.type.location] as Record<string, string> | undefined)?.[locale] ??
        LOCATION_LABEL[facts.type.location]?.en,
      facts.type.locationDetails,
    ]
      .filter(Boolean)
      .join(': ');

  const answerList = (facts: BookingFacts) =>
    facts.type.questions
      .filter((question) => facts.answers[question.id])
      .map((question) => ({ label: question.label, answer: facts.answers[question.id] }));

  /**
   * A Meet link is asked for on the host's calendar event. Google makes it when the event is
   * created (through the outbox, after this transaction): the confirmation says it follows, and
   * calendar-sync reports it back (`booking.conference-ready`), which sends the "details" email.
   */
  const meetRequested = (facts: BookingFacts) =>
    facts.type.location === 'video' &&
    facts.type.conferencing === 'google-meet' &&
    config().createMeetLinks &&
    Boolean(facts.host.calendarId && facts.calendarEventId);

  const icsDescription = (facts: BookingFacts) =>
    [facts.meetLink ? `Google Meet: ${facts.meetLink}` : null, manageUrl(facts)].filter(Boolean).join('\n\n') ||
    undefined;

  const ics = (facts: BookingFacts, method: 'REQUEST' | 'CANCEL', sequence: number) => ({
    filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    type: `text/calendar; charset=utf-8; method=${method}`,
    content: Buffer.from(
      invitationIcs({
        method,
        uid: `${facts.documentId}@booking.magnetiq`,
        sequence,
        start: facts.start,
        end: facts.end,
        summary: `${facts.type.title} – ${facts.host.name}`,
        description: icsDescription(facts),
        location: facts.meetLink ?? locationText(facts, facts.language),
        url: facts.meetLink ?? undefined,
        organizer: { name: facts.host.name, email: facts.host.email },
        attendee: { name: fullName(facts.visitor), email: facts.visitor.email },
      }),
    ).toString('base64'),
  });

  const email = (
    facts: BookingFacts,
    template: string,
    key: string,
    to: 'visitor' | 'host',
    extra: Partial<BookingEmailData>,
    attachments: unknown[],
  ): Message => {
    const forHost = to === 'host';
    const locale = forHost ? 'en' : facts.language;
    const data: BookingEmailData = {
      // the visitor's address is unverified: their emails greet no typed name (a phishing line fits in one)
      firstName: forHost ? (facts.visitor.firstName ?? undefined) : undefined,
      visitorName: fullName(facts.visitor),
      meetingTitle: facts.type.title,
      hostName: facts.host.name,
      start: facts.start.toISOString(),
      end: facts.end.toISOString(),
      timeZone: forHost ? facts.host.timeZone : facts.visitorTimeZone,
      location: locationText(facts, locale),
      manageUrl: forHost ? undefined : manageUrl(facts),
      meetLink: facts.meetLink ?? null,
      meetLinkFollows: !facts.meetLink && meetRequested(facts),
      answers: forHost ? answerList(facts) : undefined,
      ...extra,
    };
    return {
      topic: 'email.send',
      idempotencyKey: `email:${template}:${to}:${key}`,
      ...(forHost ? {} : { contactId: facts.visitor.contactId }),
      payload: {
        template,
        locale,
        to: forHost ? facts.host.email : facts.visitor.email,
        ...(forHost ? {} : { contact: facts.visitor.contactDocumentId }),
        data,
        attachments,
      },
    };
  };

  /** The Google event as Calendar v3 wants it (events.insert body); the id makes create idempotent. */
  const calendarEvent = (facts: BookingFacts) => ({
    id: facts.calendarEventId,
    summary: `${facts.type.title}: ${fullName(facts.visitor)}`,
    description: answerList(facts)
      .map((item) => `${item.label}: ${item.answer}`)
      .join('\n'),
    start: { dateTime: facts.start.toISOString(), timeZone: facts.host.timeZone },
    end: { dateTime: facts.end.toISOString(), timeZone: facts.host.timeZone },
    attendees: [{ email: facts.visitor.email, displayName: fullName(facts.visitor) }],
    ...(facts.type.locationDetails ? { location: facts.type.locationDetails } : {}),
    extendedProperties: { private: { magnetiqBooking: facts.documentId } },
    ...(meetRequested(facts)
      ? {
          conferenceData: {
            createRequest: { requestId: facts.calendarEventId, conferenceSolutionKey: { type: 'hangoutsMeet' } },
          },
        }
      : {}),
  });

  const calendarMessage = (facts: BookingFacts, topic: string, key: string, withEvent: boolean): Message[] =>
    facts.host.calendarId && facts.calendarEventId
      ? [
          {
            topic,
            idempotencyKey: key,
            payload: {
              calendarId: facts.host.calendarId,
              eventId: facts.calendarEventId,
              reference: `booking:${facts.documentId}`,
              ...(withEvent ? { event: calendarEvent(facts) } : {}),
              ...(withEvent && meetRequested(facts)
                ? { onConference: { topic: TOPIC.conferenceReady, payload: { booking: facts.documentId } } }
                : {}),
            },
          },
        ]
      : [];

  /** 24 h before (configurable); not for meetings booked closer than that, the confirmation just went out. */
  const reminder = (facts: BookingFacts): Message[] => {
    const at = new Date(facts.start.getTime() - config().reminderHoursBefore * 3600 * 1000);
    if (at.getTime() <= Date.now()) return [];
    return [
      {
        topic: TOPIC.reminder,
        idempotencyKey: `booking:reminder:${facts.documentId}:${facts.start.toISOString()}`,
        notBefore: at,
        payload: { booking: facts.documentId, start: facts.start.toISOString() },
      },
    ];
  };

  return {
    booked(facts: BookingFacts): Message[] {
      const key = `${facts.documentId}:0`;
      return [
        email(facts, TEMPLATES.confirmed, key, 'visitor', {}, [ics(facts, 'REQUEST', facts.sequence)]),
        email(facts, TEMPLATES.hostNew, key, 'host', {}, [ics(facts, 'REQUEST', facts.sequence)]),
        ...calendarMessage(facts, TOPIC.createEvent, `calendar:create:${facts.documentId}`, true),
        ...reminder(facts),
      ];
    },

    rescheduled(facts: BookingFacts): Message[] {
      const key = `${facts.documentId}:${facts.sequence}`;
      return [
        email(facts, TEMPLATES.rescheduled, key, 'visitor', {}, [ics(facts, 'REQUEST', facts.sequence)]),
        email(facts, TEMPLATES.rescheduled, key, 'host', {}, [ics(facts, 'REQUEST', facts.sequence)]),
        ...calendarMessage(facts, TOPIC.patchEvent, `calendar:patch:${facts.documentId}:${facts.sequence}`, true),
        ...reminder(facts),
      ];
    },

    cancelled(facts: BookingFacts, reason: string | null, by: 'visitor' | 'admin'): Message[] {
      const key = `${facts.documentId}:cancel`;
      const sequence = facts.sequence + 1;
      return [
        // The visitor's own reason is never mailed back to the visitor's (unverified) address: that
        // would relay any text from our domain (issue 17). The host reads it; a staff reason is ours.
        email(facts, TEMPLATES.cancelled, key, 'visitor', { reason: by === 'admin' ? reason : null }, [
          ics(facts, 'CANCEL', sequence),
        ]),
        email(facts, TEMPLATES.cancelled, key, 'host', { reason }, [ics(facts, 'CANCEL', sequence)]),
        ...calendarMessage(facts, TOPIC.deleteEvent, `calendar:delete:${facts.documentId}`, false),
      ];
    },

    /** The Meet link reached the booking after the confirmation: the visitor gets it with an updated invitation (same UID). */
    detailsEmail(facts: BookingFacts): Message {
      return email(facts, TEMPLATES.details, `${facts.documentId}:${facts.meetLink}`, 'visitor', {}, [
        ics(facts, 'REQUEST', facts.sequence),
      ]);
    },

    reminderEmail(facts: BookingFacts): Message {
      return email(facts, TEMPLATES.reminder, `${facts.documentId}:${facts.start.toISOString()}`, 'visitor', {}, []);
    },
  };
};
