import { callbackSchema, calendarSchema, saveSchema } from '../controllers/admin';
import { object } from '@magnetiq/plugin-kit/openapi';
import { booleanType, dateTime, objectList, objectType, stringType } from '@magnetiq/plugin-kit/openapi';

/** The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the document). */
export default {
  'admin.list': {
    summary: 'Google Calendar connections of the hosts and team calendars',
    data: objectList,
    meta: object([], { configured: booleanType, oauth: booleanType }),
  },
  'admin.save': {
    summary: "Connects a host's calendar (a service account subject or a refresh token)",
    body: saveSchema,
  },
  'admin.startOAuth': {
    summary: 'Starts "Connect Google Calendar": the consent URL (PKCE, a signed single-use state bound to this admin)',
    body: calendarSchema,
    data: object(['url', 'expiresAt'], { url: stringType, expiresAt: dateTime }),
  },
  'admin.completeOAuth': {
    summary: "Completes the sign-in with Google's answer (code and state) and stores the refresh token encrypted",
    body: callbackSchema,
    data: objectType,
  },
  'admin.disconnect': {
    summary: 'Revokes the Google grant of a calendar and deletes its token',
    body: calendarSchema,
    data: { type: ['object', 'null'] },
  },
};
