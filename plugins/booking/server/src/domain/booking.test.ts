import { errors } from '@strapi/utils';
import { describe, expect, it } from 'vitest';
import type { HostRecord, MeetingTypeRecord } from '../services/catalog';
import type { BookingRequest } from '../validation/booking';
import {
  bookingAnswers,
  bookingLead,
  bookingRow,
  bookingStart,
  bookingTimes,
  newBookingFacts,
  pickHost,
  type NewBooking,
} from './booking';
import type { SlotHost, SlotRules } from './slots';

const at = (iso: string) => Date.parse(iso);

/** The ValidationError a call throws, or null. */
const validationError = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof errors.ValidationError) return error;
    throw error;
  }
  return null;
};

describe('bookingStart', () => {
  it('takes a whole minute in any offset', () => {
    expect(bookingStart('2026-03-02T09:00:00Z')).toBe(at('2026-03-02T09:00:00Z'));
    expect(bookingStart('2026-03-02T10:30:00+01:00')).toBe(at('2026-03-02T09:30:00Z'));
  });

  it.each(['2026-03-02T09:00:30Z', '2026-03-02T09:00:00.500Z', 'not a time'])(
    'refuses %s with a start field error',
    (start) => {
      const error = validationError(() => bookingStart(start));
      expect(error?.message).toBe('start must be a whole minute');
      expect(error?.details).toMatchObject({ errors: [{ path: ['start'] }] });
    },
  );
});

describe('bookingTimes', () => {
  it('ends after the duration and blocks the buffers around it', () => {
    const start = at('2026-03-02T09:00:00Z');
    expect(bookingTimes({ durationMinutes: 45, bufferBeforeMinutes: 10, bufferAfterMinutes: 15 }, start)).toEqual({
      start,
      end: at('2026-03-02T09:45:00Z'),
      blockedFrom: at('2026-03-02T08:50:00Z'),
      blockedUntil: at('2026-03-02T10:00:00Z'),
    });
  });
});

describe('bookingAnswers', () => {
  const questions: MeetingTypeRecord['questions'] = [
    { id: 'topic', label: 'Topic', type: 'text', required: true },
    { id: 'team', label: 'Team size', type: 'text', required: true },
    { id: 'notes', label: 'Notes', type: 'textarea' },
  ];

  it('keeps the answers to the type questions, trimmed, and drops other ids', () => {
    expect(bookingAnswers(questions, { topic: ' CRM ', team: '5', other: 'x', notes: '' })).toEqual({
      topic: 'CRM',
      team: '5',
    });
  });

  it('names every required question without an answer (blank counts as none)', () => {
    const error = validationError(() => bookingAnswers(questions, { topic: '   ', notes: 'hi' }));
    expect(error?.message).toBe('Please answer: Topic, Team size');
    expect(error?.details).toEqual({
      errors: [
        {
          path: ['answers', 'topic'],
          message: 'Topic is required',
          name: 'ValidationError',
          value: null,
          code: 'required',
        },
        {
          path: ['answers', 'team'],
          message: 'Team size is required',
          name: 'ValidationError',
          value: null,
          code: 'required',
        },
      ],
    });
  });

  it('accepts no answers when nothing is required', () => {
    expect(bookingAnswers([questions[2]], undefined)).toEqual({});
    expect(bookingAnswers([], null)).toEqual({});
  });
});

describe('pickHost', () => {
  const rules: SlotRules = {
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    maxDaysAhead: 365,
    slotStepMinutes: 30,
    dailyLimitPerHost: 0,
  };
  const host = (id: string, overrides: Partial<SlotHost> = {}): SlotHost => ({
    id,
    timeZone: 'UTC',
    weeklyHours: { mon: [{ start: '09:00', end: '12:00' }] },
    dateOverrides: [],
    busy: [],
    bookedStarts: [],
    load: 0,
    ...overrides,
  });
  const now = at('2026-03-01T00:00:00Z');
  // a Monday
  const start = at('2026-03-02T09:30:00Z');

  it('takes the free host with the fewest coming bookings', () => {
    expect(
      pickHost([host('anna', { load: 3 }), host('ben', { load: 1 }), host('cleo', { load: 2 })], rules, start, now),
    ).toBe('ben');
  });

  it('breaks a tie by slug', () => {
    expect(pickHost([host('cleo'), host('anna'), host('ben')], rules, start, now)).toBe('anna');
  });

  it('skips a host already booked or busy then, however little booked', () => {
    const taken = { start: at('2026-03-02T09:30:00Z'), end: at('2026-03-02T10:00:00Z') };
    expect(pickHost([host('anna', { busy: [taken] }), host('ben', { load: 5 })], rules, start, now)).toBe('ben');
  });

  it('is null when nobody is free (the slot was taken: a 409)', () => {
    const taken = { start: at('2026-03-02T09:00:00Z'), end: at('2026-03-02T10:00:00Z') };
    expect(pickHost([host('anna', { busy: [taken] }), host('ben', { busy: [taken] })], rules, start, now)).toBeNull();
    expect(pickHost([host('anna')], rules, at('2026-03-02T13:00:00Z'), now)).toBeNull();
    expect(pickHost([], rules, start, now)).toBeNull();
  });
});

describe('a new booking: lead, facts and row', () => {
  const type = {
    documentId: 'type-doc',
    slug: 'consultation',
    title: 'Consultation',
    durationMinutes: 30,
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 10,
  } as MeetingTypeRecord;
  const host = { documentId: 'host-doc', slug: 'anna', name: 'Anna', calendarId: 'anna@example.com' } as HostRecord;
  const request = {
    type: 'consultation',
    start: '2026-03-02T09:00:00Z',
    timeZone: 'Europe/Berlin',
    locale: 'de',
    email: ' Ada@Example.com ',
    firstName: 'Ada',
    lastName: 'Lovelace',
    company: 'Engines',
    consent: { dataProcessing: true, marketingEmail: false, textVersion: 'v1' },
    utm: { source: 'news', medium: '', campaign: 'spring' },
    referrer: 'https://example.org/',
    landingPage: '/de/booking',
  } as BookingRequest;
  const booking: NewBooking = {
    request,
    documentId: 'booking-doc',
    locale: 'de',
    email: 'ada@example.com',
    type,
    host,
    times: bookingTimes(type, at('2026-03-02T09:00:00Z')),
    answers: { topic: 'CRM' },
    calendarEventId: 'mqevent',
    manageToken: 'token',
  };

  it('records a booking activity through the leads contract', () => {
    expect(bookingLead(booking, 'booking')).toEqual({
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Engines',
      jobTitle: undefined,
      phone: undefined,
      language: 'de',
      consent: { dataProcessing: true, marketingEmail: false, textVersion: 'v1' },
      utm: { source: 'news', medium: '', campaign: 'spring' },
      referrer: 'https://example.org/',
      landingPage: '/de/booking',
      source: 'booking',
      activity: {
        type: 'booking',
        reference: 'booking-doc',
        title: 'Consultation',
        details: { meetingType: 'consultation', host: 'anna', start: '2026-03-02T09:00:00.000Z' },
      },
    });
    expect(bookingLead({ ...booking, request: { ...request, utm: undefined } }, 'booking').utm).toBeNull();
  });

  it('gives the notifications the captured contact, the times and the manage link token', () => {
    expect(newBookingFacts(booking, { contactId: 7, contactDocumentId: 'contact-doc' })).toEqual({
      documentId: 'booking-doc',
      start: new Date('2026-03-02T09:00:00Z'),
      end: new Date('2026-03-02T09:30:00Z'),
      visitorTimeZone: 'Europe/Berlin',
      language: 'de',
      sequence: 0,
      type,
      host,
      visitor: {
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        contactId: 7,
        contactDocumentId: 'contact-doc',
      },
      answers: { topic: 'CRM' },
      calendarEventId: 'mqevent',
      manageToken: 'token',
    });
  });

  it('stores a confirmed row with the buffers, the token hash and empty UTM fields as null', () => {
    expect(bookingRow(booking, 'contact-doc', 'hash')).toEqual({
      documentId: 'booking-doc',
      meetingType: 'type-doc',
      meetingTypeSlug: 'consultation',
      meetingTypeTitle: 'Consultation',
      host: 'host-doc',
      hostSlug: 'anna',
      startsAt: new Date('2026-03-02T09:00:00Z'),
      endsAt: new Date('2026-03-02T09:30:00Z'),
      blockedFrom: new Date('2026-03-02T08:55:00Z'),
      blockedUntil: new Date('2026-03-02T09:40:00Z'),
      visitorTimeZone: 'Europe/Berlin',
      language: 'de',
      contact: 'contact-doc',
      answers: { topic: 'CRM' },
      status: 'confirmed',
      rescheduleCount: 0,
      tokenHash: 'hash',
      calendarEventId: 'mqevent',
      utmSource: 'news',
      utmMedium: null,
      utmCampaign: 'spring',
      utmTerm: null,
      utmContent: null,
    });
  });
});
