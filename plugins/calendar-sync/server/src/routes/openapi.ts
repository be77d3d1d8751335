import { saveSchema } from '../controllers/admin';

/** The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the document). */
export default {
  'admin.list': { summary: 'Google Calendar connections of the hosts', data: { type: 'array', items: { type: 'object' } }, meta: { type: 'object', properties: { configured: { type: 'boolean' } } } },
  'admin.save': { summary: "Connects a host's calendar (a service account subject or a refresh token)", body: saveSchema },
};
