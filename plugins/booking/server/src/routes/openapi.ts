import {
  adminCancelSchema,
  bookingSchema,
  cancelSchema,
  manageSchema,
  rescheduleSchema,
  SLUG,
} from '../validation/booking';
import { dateTime, localeQuery, locale, media, nullableString, objectList } from '@magnetiq/plugin-kit/openapi';

/**
 * The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the
 * document from it and the routes). Request schemas are the ones the routes validate with; the
 * slot query and the schedule are checked by hand (validation/booking.ts): change their schemas
 * here with them.
 */
const date = { type: 'string', format: 'date', description: 'a calendar day, YYYY-MM-DD' };
const slug = { type: 'string', maxLength: 80, pattern: SLUG.source };

/** bookings service `toPublic` */
const publicBooking = {
  type: 'object',
  required: ['id', 'status', 'start', 'end', 'timeZone', 'meetingType', 'host', 'location', 'changeable'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    status: { type: 'string' },
    start: dateTime,
    end: dateTime,
    timeZone: { type: 'string' },
    meetingType: {
      type: 'object',
      properties: { slug: { type: 'string' }, title: nullableString },
      additionalProperties: false,
    },
    host: {
      type: 'object',
      properties: { slug: { type: 'string' }, name: nullableString },
      additionalProperties: false,
    },
    location: nullableString,
    meetLink: {
      ...nullableString,
      description: 'the Google Meet link, once the calendar event exists (meeting types with conferencing google-meet)',
    },
    changeable: { type: 'boolean', description: 'the visitor may still cancel or reschedule (active and not begun)' },
  },
};

/** catalog service `toPublic` */
const publicMeetingType = {
  type: 'object',
  required: ['slug', 'locale', 'title', 'durationMinutes', 'questions', 'hosts'],
  additionalProperties: false,
  properties: {
    slug: { type: 'string' },
    locale: { type: 'string' },
    title: { type: 'string' },
    description: nullableString,
    durationMinutes: { type: 'integer' },
    location: nullableString,
    locationDetails: nullableString,
    minimumNoticeMinutes: { type: ['integer', 'null'] },
    maxDaysAhead: { type: ['integer', 'null'] },
    questions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          label: { type: 'string' },
          type: { enum: ['text', 'textarea'] },
          required: { type: 'boolean' },
        },
      },
    },
    hosts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          slug: { type: 'string' },
          name: { type: 'string' },
          timeZone: { type: 'string' },
          bio: nullableString,
          photo: media,
        },
      },
    },
  },
};

const daySlots = {
  type: 'object',
  required: ['date', 'slots'],
  properties: {
    date,
    slots: {
      type: 'array',
      items: {
        type: 'object',
        required: ['start', 'end', 'time', 'hosts'],
        properties: {
          start: dateTime,
          end: dateTime,
          time: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
          hosts: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};

const timeOfDay = { type: 'string', pattern: '^\\d{2}:\\d{2}$' };
const interval = { type: 'object', required: ['start', 'end'], properties: { start: timeOfDay, end: timeOfDay } };

export default {
  'public.meetingTypes': {
    summary: 'Published meeting types of a locale',
    query: localeQuery,
    data: { type: 'array', items: publicMeetingType },
  },
  'public.meetingType': {
    summary: 'One meeting type',
    params: { slug },
    query: localeQuery,
    data: publicMeetingType,
  },
  'public.slots': {
    summary: 'Free slots of a meeting type, per day of the visitor',
    query: {
      type: 'object',
      required: ['type', 'from', 'to'],
      properties: {
        type: slug,
        from: date,
        to: date,
        timeZone: {
          type: 'string',
          description: 'the IANA time zone of the visitor, e.g. Europe/Berlin (required; `tz` is its old name)',
        },
        tz: {
          type: 'string',
          deprecated: true,
          description: 'old name of timeZone, accepted for one release with a Deprecation header',
        },
        host: slug,
        locale,
      },
    },
    data: { type: 'array', items: daySlots },
    meta: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        timeZone: { type: 'string' },
        from: date,
        to: date,
        durationMinutes: { type: 'integer' },
        busy: {},
        generatedAt: dateTime,
      },
    },
  },
  'public.book': {
    summary: 'Books a slot (the slot is re-checked in the database; 409 with fresh slots when taken)',
    body: bookingSchema,
    status: 201,
    data: publicBooking,
  },
  'public.manage': { summary: 'The booking a manage link opens', body: manageSchema, data: publicBooking },
  'public.cancel': { summary: 'Cancels a booking with its manage link', body: cancelSchema, data: publicBooking },
  'public.reschedule': { summary: 'Moves a booking with its manage link', body: rescheduleSchema, data: publicBooking },
  'admin.hosts': { summary: 'Hosts with their schedules', data: objectList },
  'admin.updateSchedule': {
    summary: "Replaces a host's schedule",
    body: {
      type: 'object',
      required: ['timeZone', 'weeklyHours'],
      additionalProperties: false,
      properties: {
        timeZone: { type: 'string', description: 'IANA time zone' },
        weeklyHours: {
          type: 'object',
          description: 'intervals per weekday (mon..sun), not overlapping',
          additionalProperties: { type: 'array', items: interval },
        },
        dateOverrides: {
          type: 'array',
          items: {
            type: 'object',
            required: ['date'],
            properties: { date, intervals: { type: 'array', items: interval } },
          },
        },
      },
    },
  },
  'admin.bookings': {
    summary: 'Bookings, filtered and paged (audited)',
    query: {
      type: 'object',
      properties: {
        host: { type: 'string' },
        from: date,
        to: date,
        tz: { type: 'string' },
        status: { type: 'string' },
        page: { type: 'integer', minimum: 1 },
      },
    },
  },
  'admin.cancel': { summary: 'Cancels a booking for the host', body: adminCancelSchema },
};
