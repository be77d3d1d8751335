import { callbackSchema, calendarSchema, saveSchema } from '../controllers/admin';
import { dateTime, objectList } from '@magnetiq/plugin-kit/openapi';

/** The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the document). */
export default {
  'admin.list': {
    summary: 'Google Calendar connections of the hosts and team calendars',
    data: objectList,
    meta: { type: 'object', properties: { configured: { type: 'boolean' }, oauth: { type: 'boolean' } } },
  },
  'admin.save': {
    summary: "Connects a host's calendar (a service account subject or a refresh token)",
    body: saveSchema,
  },
  'admin.startOAuth': {
    summary: 'Starts "Connect Google Calendar": the consent URL (PKCE, a signed single-use state bound to this admin)',
    body: calendarSchema,
    data: {
      type: 'object',
      properties: { url: { type: 'string' }, expiresAt: dateTime },
      required: ['url', 'expiresAt'],
    },
  },
  'admin.completeOAuth': {
    summary: "Completes the sign-in with Google's answer (code and state) and stores the refresh token encrypted",
    body: callbackSchema,
    data: { type: 'object' },
  },
  'admin.disconnect': {
    summary: 'Revokes the Google grant of a calendar and deletes its token',
    body: calendarSchema,
    data: { type: ['object', 'null'] },
  },
};
