import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FIELD_MAPPING } from '../domain/mapping';
import { getService, leads, TOPIC } from '../utils';
import type { RequestContext } from '@magnetiq/plugin-kit/server';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /odoo-sync/status: connection state, counts per outbox status, last error, mapping. */
  async status(ctx: RequestContext) {
    const { byTopic } = await leads(strapi).outbox.stats();
    const counts = { pending: 0, processing: 0, done: 0, dead: 0, ...(byTopic[TOPIC] ?? {}) };
    const { results: failing } = await leads(strapi).outbox.list({
      topic: TOPIC,
      status: 'dead',
      page: 1,
      pageSize: 1,
    });
    const [lastDead] = failing;
    const linked = await strapi.db.connection('odoo_sync_links').select('model').count('* as count').groupBy('model');
    ctx.body = {
      data: {
        connection: getService(strapi, 'client').status(),
        counts,
        lastDead: lastDead ? { id: lastDead.id, error: lastDead.lastError, at: lastDead.updatedAt } : null,
        linked: Object.fromEntries(
          (linked as Array<{ model: string; count: string }>).map((row) => [row.model, Number(row.count)]),
        ),
        mapping: FIELD_MAPPING,
      },
    };
  },

  /** POST /odoo-sync/test-connection */
  /** Reads back the stages of our crm.leads now, instead of waiting for the cron job. */
  async readBackStages(ctx: RequestContext) {
    ctx.body = { data: await getService(strapi, 'stages').readBackStages() };
  },

  async testConnection(ctx: RequestContext) {
    ctx.body = { data: await getService(strapi, 'client').testConnection() };
  },

  /** POST /odoo-sync/contacts/:documentId/resync */
  async resync(ctx: RequestContext) {
    const queued = await getService(strapi, 'sync').resyncContact(ctx.params.documentId);
    if (queued === null) throw new errors.NotFoundError('Contact not found');
    ctx.body = { data: { queued } };
  },
});
