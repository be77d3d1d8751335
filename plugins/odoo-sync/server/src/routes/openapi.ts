import { object } from '@magnetiq/plugin-kit/openapi';
import { stringType } from '@magnetiq/plugin-kit/openapi';
/** The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the document). */
export default {
  'admin.status': { summary: 'Whether Odoo is configured and reachable, with the sync backlog' },
  'admin.testConnection': { summary: 'Logs in to Odoo and reports the outcome' },
  'admin.readBackStages': { summary: 'Reads the CRM stages back from Odoo' },
  'admin.resync': {
    summary: 'Queues a contact for another sync',
    params: { documentId: stringType },
    data: object([], { queued: { type: 'integer', minimum: 0, description: 'how many messages were queued' } }),
  },
};
