import type { Core } from '@strapi/strapi';
import {
  attendanceSchema,
  recordingSchema,
  registrationSchema,
  sessionCreateSchema,
  sessionUpdateSchema,
  webinarInputSchema,
} from '../validation/registration';
import { registrationListQuerySchema } from '../controllers/admin';
import { DOCUMENT_ID } from '../utils';
import { closedObject, localizedEntry, object } from '@magnetiq/plugin-kit/openapi';
import {
  booleanType,
  createdAnswer,
  dateTime,
  locale,
  localeQuery,
  media,
  nullableString,
  objectList,
  receivedAnswer,
  stringType,
} from '@magnetiq/plugin-kit/openapi';

/**
 * The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the
 * document from it and the routes): request schemas are the ones the routes validate with,
 * `data` describes the `{ data, meta }` answer in JSON Schema (webinars service `toPublic`).
 */
const documentId = { type: 'string', pattern: DOCUMENT_ID.source };
const tokenQuery = object(['token'], { token: { type: 'string', maxLength: 200 } });

const publicSession = closedObject(
  [
    'documentId',
    'startsAt',
    'endsAt',
    'timeZone',
    'status',
    'seatsLeft',
    'full',
    'registrationOpen',
    'recordingUrl',
    'icsUrl',
  ],
  {
    documentId: stringType,
    startsAt: dateTime,
    endsAt: dateTime,
    timeZone: stringType,
    status: stringType,
    seatsLeft: { type: ['integer', 'null'] },
    full: booleanType,
    registrationOpen: booleanType,
    recordingUrl: nullableString,
    icsUrl: { type: 'string', format: 'uri' },
  },
);

/** webinars service `toPublic`: the CMS's LocalizedEntry fields (cms/src/openapi/document.ts) and these */
const webinarProperties = {
  description: nullableString,
  cover: media,
  topics: { type: 'array', items: stringType },
  language: nullableString,
  status: nullableString,
  speakers: {
    type: 'array',
    items: closedObject([], { name: stringType, role: nullableString, company: nullableString, photo: media }),
  },
  url: stringType,
  sessions: { type: 'array', items: publicSession },
  nextSession: { oneOf: [{ type: 'null' }, publicSession] },
};
const publicWebinar = localizedEntry(webinarProperties, ['sessions', 'nextSession']);
/** webinars service `preview`: the public webinar and whether the site lists it as past */
const previewWebinar = localizedEntry({ ...webinarProperties, past: booleanType }, ['sessions', 'nextSession', 'past']);
/** the preview server's draft reads: which entry, in which status */
const previewQuery = object([], { locale, status: { type: 'string', enum: ['draft', 'published'], default: 'draft' } });

export default {
  'public.list': {
    summary: 'Published webinars of a locale, upcoming or past',
    query: object([], { locale, when: { type: 'string', enum: ['upcoming', 'past'], default: 'upcoming' } }),
    data: { type: 'array', items: publicWebinar },
  },
  'public.detail': {
    summary: 'One published webinar with its sessions',
    params: { slug: { type: 'string', maxLength: 200 } },
    query: localeQuery,
    data: publicWebinar,
  },
  'preview.findOne': {
    summary: 'One webinar in any status, a never-published draft too: for the preview server, with an API token only',
    params: { documentId },
    query: previewQuery,
    data: previewWebinar,
  },
  'public.sessionIcs': {
    summary: 'The public calendar file of a session (no join link)',
    params: { documentId },
    query: localeQuery,
    produces: 'text/calendar',
  },
  'public.register': {
    summary:
      'Registers for a session (waitlist when full); the answer is the same for a new, a known and a repeated registration',
    body: ({ strapi }: { strapi: Core.Strapi }) => registrationSchema(strapi),
    status: 201,
    data: receivedAnswer,
  },
  'public.cancelPage': {
    summary: 'The cancel link in the emails: an HTML page that asks before it cancels',
    query: tokenQuery,
    produces: 'text/html',
    htmlErrors: true,
  },
  'public.cancel': {
    summary: 'Cancels a registration: JSON from the site, or the form of the cancel page (then the answer is HTML)',
    body: object(['token'], { token: { type: 'string', minLength: 1, maxLength: 200 } }),
    bodyTypes: ['application/json', 'application/x-www-form-urlencoded'],
    data: closedObject(['cancelled'], { cancelled: { const: true } }),
    htmlErrors: true,
  },
  'public.registrationIcs': {
    summary: "The registrant's own calendar file",
    query: tokenQuery,
    produces: 'text/calendar',
  },
  'admin.webinars': {
    summary: 'Webinars with their session counts',
    data: objectList,
  },
  'admin.createWebinar': {
    summary: 'Creates a webinar (or another locale of one)',
    body: webinarInputSchema,
    status: 201,
    data: createdAnswer,
  },
  'admin.sessions': {
    summary: 'Sessions of a webinar',
    params: { documentId },
    data: objectList,
  },
  'admin.createSession': {
    summary: 'Adds a session to a webinar',
    params: { documentId },
    body: sessionCreateSchema,
    status: 201,
  },
  'admin.session': { summary: 'One session with its registration counts', params: { documentId } },
  'admin.updateSession': {
    summary: 'Changes a session (registrants are told of a new time)',
    params: { documentId },
    body: sessionUpdateSchema,
  },
  'admin.cancelSession': { summary: 'Cancels a session and tells its registrants', params: { documentId } },
  'admin.setRecording': {
    summary: 'Sets the recording link (and optionally emails it)',
    params: { documentId },
    body: recordingSchema,
  },
  'admin.registrations': {
    summary: 'Registrations of a session, filtered and paged',
    params: { documentId },
    query: registrationListQuerySchema,
  },
  'admin.exportCsv': { summary: 'Registrations of a session as CSV', params: { documentId }, produces: 'text/csv' },
  'admin.markAttendance': {
    summary: 'Marks registrations attended or no-show',
    params: { documentId },
    body: attendanceSchema,
  },
  'admin.importAttendance': {
    summary: "Imports attendance from a webinar tool's CSV",
    params: { documentId },
    body: object(['csv'], { csv: stringType, absentAreNoShow: { type: 'boolean', default: true } }),
  },
  'admin.runReminders': {
    summary: 'Sends the reminders that are due now',
    body: object([], { now: dateTime }),
  },
};
