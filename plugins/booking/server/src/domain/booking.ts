/**
 * What one new booking is made of, as pure functions of the request and the catalog: its start
 * and the time it blocks, the visitor's answers, the host that takes it, the lead it records
 * through the leads contract, the facts its emails and calendar event are made from, and its row.
 * The bookings service runs them in order around the lock and the transaction (services/bookings.ts).
 */
import { errors } from '@strapi/utils';
import { leadFormInput } from '@magnetiq/plugin-kit/server';
import type { LeadInput } from '@magnetiq/plugin-leads/contract';
import type { HostRecord, MeetingTypeRecord } from '../services/catalog';
import type { BookingFacts } from '../services/notifications';
import type { BookingRequest } from '../validation/booking';
import { isFreeStart, type SlotHost, type SlotRules } from './slots';

export const MINUTE = 60_000;

type Timing = Pick<MeetingTypeRecord, 'durationMinutes' | 'bufferBeforeMinutes' | 'bufferAfterMinutes'>;
type Question = MeetingTypeRecord['questions'][number];

/** The meeting (epoch ms) and the time it keeps the host from other bookings (with the type's buffers). */
export interface BookingTimes {
  start: number;
  end: number;
  blockedFrom: number;
  blockedUntil: number;
}

/** A requested start as epoch ms: a ValidationError unless it is a whole minute. */
export function bookingStart(start: string): number {
  const at = Date.parse(start);
  if (!Number.isFinite(at) || at % MINUTE !== 0)
    throw new errors.ValidationError('start must be a whole minute', {
      errors: [{ path: ['start'], message: 'start must be a whole minute', name: 'ValidationError', value: null }],
    });
  return at;
}

export function bookingTimes(type: Timing, start: number): BookingTimes {
  const end = start + type.durationMinutes * MINUTE;
  return {
    start,
    end,
    blockedFrom: start - type.bufferBeforeMinutes * MINUTE,
    blockedUntil: end + type.bufferAfterMinutes * MINUTE,
  };
}

/**
 * The visitor's answers to the meeting type's questions, trimmed (answers to other ids and empty
 * ones dropped); a ValidationError naming every required question left without an answer.
 */
export function bookingAnswers(
  questions: Question[],
  given: Record<string, string> | null | undefined,
): Record<string, string> {
  const answers = Object.fromEntries(
    questions
      .filter((question) => given?.[question.id])
      .map((question) => [question.id, String(given![question.id]).trim()]),
  );
  const missing = questions.filter((question) => question.required && !answers[question.id]);
  if (missing.length > 0) {
    throw new errors.ValidationError(`Please answer: ${missing.map((question) => question.label).join(', ')}`, {
      errors: missing.map((question) => ({
        path: ['answers', question.id],
        message: `${question.label} is required`,
        name: 'ValidationError',
        value: null,
        code: 'required',
      })),
    });
  }
  return answers;
}

/**
 * The host that takes `start` (its slug): of those free at that time, the one with the fewest
 * coming bookings (round-robin), ties by slug; null when none is free (the slot was taken).
 */
export function pickHost(slotHosts: SlotHost[], rules: SlotRules, start: number, now: number): string | null {
  const free = slotHosts
    .filter((host) => isFreeStart(host, rules, start, now))
    .sort((a, b) => a.load - b.load || a.id.localeCompare(b.id));
  return free[0]?.id ?? null;
}

/** One booking being made: the request as validated, and what the service decided for it. */
export interface NewBooking {
  request: BookingRequest;
  documentId: string;
  /** the locale code the controller resolved against the configured locales */
  locale: string;
  /** the visitor's email, trimmed and lower-cased */
  email: string;
  type: MeetingTypeRecord;
  host: HostRecord;
  times: BookingTimes;
  answers: Record<string, string>;
  calendarEventId: string | null;
  manageToken: string;
}

/** The lead the booking records through the leads core (one `booking` activity). */
export function bookingLead(booking: NewBooking, activityType: string): LeadInput {
  const { request, type, host } = booking;
  return {
    ...leadFormInput(request),
    email: booking.email,
    language: booking.locale,
    source: 'booking',
    activity: {
      type: activityType,
      reference: booking.documentId,
      title: type.title,
      details: { meetingType: type.slug, host: host.slug, start: new Date(booking.times.start).toISOString() },
    },
  };
}

/** What the confirmation emails, the invitation, the host's calendar event and the reminder are made from. */
export function newBookingFacts(
  booking: NewBooking,
  contact: { contactId: number; contactDocumentId: string },
): BookingFacts {
  const { request } = booking;
  return {
    documentId: booking.documentId,
    start: new Date(booking.times.start),
    end: new Date(booking.times.end),
    visitorTimeZone: request.timeZone,
    language: booking.locale,
    sequence: 0,
    type: booking.type,
    host: booking.host,
    visitor: {
      email: booking.email,
      firstName: request.firstName,
      lastName: request.lastName,
      contactId: contact.contactId,
      contactDocumentId: contact.contactDocumentId,
    },
    answers: booking.answers,
    calendarEventId: booking.calendarEventId,
    manageToken: booking.manageToken,
  };
}

/** The booking row (Query Engine attributes) of a confirmed booking of the contact `contact`. */
export function bookingRow(booking: NewBooking, contact: string, manageTokenHash: string) {
  const { request, type, host, times } = booking;
  return {
    documentId: booking.documentId,
    meetingType: type.documentId,
    meetingTypeSlug: type.slug,
    meetingTypeTitle: type.title,
    host: host.documentId,
    hostSlug: host.slug,
    startsAt: new Date(times.start),
    endsAt: new Date(times.end),
    blockedFrom: new Date(times.blockedFrom),
    blockedUntil: new Date(times.blockedUntil),
    visitorTimeZone: request.timeZone,
    language: booking.locale,
    contact,
    answers: booking.answers,
    status: 'confirmed',
    rescheduleCount: 0,
    tokenHash: manageTokenHash,
    calendarEventId: booking.calendarEventId,
    utmSource: request.utm?.source || null,
    utmMedium: request.utm?.medium || null,
    utmCampaign: request.utm?.campaign || null,
    utmTerm: request.utm?.term || null,
    utmContent: request.utm?.content || null,
  };
}
