import {
  adminCancelSchema,
  bookingSchema,
  cancelSchema,
  manageSchema,
  rescheduleSchema,
  SLUG,
} from '../validation/booking';
import { closedObject, object } from '@magnetiq/plugin-kit/openapi';
import {
  booleanType,
  dateTime,
  integerType,
  locale,
  localeQuery,
  media,
  nullableString,
  objectList,
  stringType,
} from '@magnetiq/plugin-kit/openapi';

/**
 * The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the
 * document from it and the routes). Request schemas are the ones the routes validate with; the
 * slot query and the schedule are checked by hand (validation/booking.ts): change their schemas
 * here with them.
 */
const date = { type: 'string', format: 'date', description: 'a calendar day, YYYY-MM-DD' };
const slug = { type: 'string', maxLength: 80, pattern: SLUG.source };

/** bookings service `toPublic` */
const publicBooking = closedObject(
  ['id', 'status', 'start', 'end', 'timeZone', 'meetingType', 'host', 'location', 'changeable'],
  {
    id: stringType,
    status: stringType,
    start: dateTime,
    end: dateTime,
    timeZone: stringType,
    meetingType: closedObject([], { slug: stringType, title: nullableString }),
    host: closedObject([], { slug: stringType, name: nullableString }),
    location: nullableString,
    meetLink: {
      ...nullableString,
      description: 'the Google Meet link, once the calendar event exists (meeting types with conferencing google-meet)',
    },
    changeable: { type: 'boolean', description: 'the visitor may still cancel or reschedule (active and not begun)' },
  },
);

/** catalog service `toPublic` */
const publicMeetingType = closedObject(['slug', 'locale', 'title', 'durationMinutes', 'questions', 'hosts'], {
  slug: stringType,
  locale: stringType,
  title: stringType,
  description: nullableString,
  durationMinutes: integerType,
  location: nullableString,
  locationDetails: nullableString,
  minimumNoticeMinutes: { type: ['integer', 'null'] },
  maxDaysAhead: { type: ['integer', 'null'] },
  questions: {
    type: 'array',
    items: closedObject([], {
      id: stringType,
      label: stringType,
      type: { enum: ['text', 'textarea'] },
      required: booleanType,
    }),
  },
  hosts: {
    type: 'array',
    items: closedObject([], {
      slug: stringType,
      name: stringType,
      timeZone: stringType,
      bio: nullableString,
      photo: media,
    }),
  },
});

const daySlots = object(['date', 'slots'], {
  date,
  slots: {
    type: 'array',
    items: object(['start', 'end', 'time', 'hosts'], {
      start: dateTime,
      end: dateTime,
      time: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
      hosts: { type: 'array', items: stringType },
    }),
  },
});

const timeOfDay = { type: 'string', pattern: '^\\d{2}:\\d{2}$' };
const interval = object(['start', 'end'], { start: timeOfDay, end: timeOfDay });

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
    query: object(['type', 'from', 'to'], {
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
    }),
    data: { type: 'array', items: daySlots },
    meta: object([], {
      type: stringType,
      timeZone: stringType,
      from: date,
      to: date,
      durationMinutes: integerType,
      busy: {},
      generatedAt: dateTime,
    }),
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
    body: closedObject(['timeZone', 'weeklyHours'], {
      timeZone: { type: 'string', description: 'IANA time zone' },
      weeklyHours: {
        type: 'object',
        description: 'intervals per weekday (mon..sun), not overlapping',
        additionalProperties: { type: 'array', items: interval },
      },
      dateOverrides: {
        type: 'array',
        items: object(['date'], { date, intervals: { type: 'array', items: interval } }),
      },
    }),
  },
  'admin.bookings': {
    summary: 'Bookings, filtered and paged (audited)',
    query: object([], {
      host: stringType,
      from: date,
      to: date,
      tz: stringType,
      status: stringType,
      page: { type: 'integer', minimum: 1 },
    }),
  },
  'admin.cancel': { summary: 'Cancels a booking for the host', body: adminCancelSchema },
};
