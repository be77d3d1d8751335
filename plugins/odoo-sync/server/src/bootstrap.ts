import type { Core } from '@strapi/strapi';
import { PERMISSION_ACTIONS } from './permissions';
import { ERASE_TOPIC, type ErasePayload } from './services/erasure';
import type { SyncMessage } from './services/sync';
import { getConfig, getService, leads, TOPIC } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  // every lead the core captures becomes an upsert in Odoo, written in the capture's transaction
  leads(strapi).events.onLeadCaptured((event) => [
    {
      topic: TOPIC,
      idempotencyKey: `odoo:${event.activity}`,
      payload: {
        activity: event.activity,
        ...(event.contact ? { contact: event.contact } : {}),
        source: event.source,
        type: event.type,
        reference: event.reference,
        title: event.title,
      },
    },
  ]);
  // not configured: the outbox parks these rows ("waiting for configuration") until it is
  const ready = () => getService(strapi, 'client').isConfigured();
  leads(strapi).outbox.registerHandler(TOPIC, (message: SyncMessage) => getService(strapi, 'sync').handle(message), {
    maxAttempts: getConfig(strapi).maxAttempts,
    ready,
    // one create per model for up to batchSize leads (ODOO_BATCH_SIZE): Odoo's calls per second are the limit
    batch: {
      maxSize: getConfig(strapi).batchSize,
      handle: (messages: SyncMessage[]) => getService(strapi, 'sync').handleBatch(messages),
    },
  });
  // GDPR erase in the leads core reaches Odoo through the outbox (services/erasure.ts)
  leads(strapi).contacts.onErase((erased: { contactDocumentId: string }) =>
    getService(strapi, 'erasure').eraseContact(erased),
  );
  leads(strapi).outbox.registerHandler(
    ERASE_TOPIC,
    (message: { payload: ErasePayload }) => getService(strapi, 'erasure').handle(message),
    {
      maxAttempts: getConfig(strapi).maxAttempts,
      ready,
    },
  );
  // newsletter segments: "their crm.lead is in one of these stages", from the stage read-back
  // written on our link rows (docs/adr/0027); the leads core composes it into the audience query
  leads(strapi).marketing.registerCriterion('odoo-stage', {
    label: 'Odoo stage (a lead of theirs is in)',
    contacts: (stages, knex) =>
      knex('odoo_sync_links')
        .where({ model: 'crm.lead' })
        .whereIn('stage_name', stages)
        .whereNotNull('contact_document_id')
        .select('contact_document_id'),
    options: async () => {
      const rows: Array<{ stage_name: string }> = await strapi.db
        .connection('odoo_sync_links')
        .distinct('stage_name')
        .where({ model: 'crm.lead' })
        .whereNotNull('stage_name')
        .orderBy('stage_name');
      return rows.map((row) => ({ value: row.stage_name, label: row.stage_name }));
    },
  });
  const { stageReadBack } = getConfig(strapi);
  if (stageReadBack?.enabled) {
    strapi.cron.add({
      odooStageReadBack: {
        task: async () => {
          try {
            await getService(strapi, 'stages').readBackStages();
          } catch (error) {
            strapi.log.warn(`odoo-sync: stage read-back failed, next run retries: ${(error as Error).message}`);
          }
        },
        options: { rule: stageReadBack.cron },
      },
    });
  }
  if (!getService(strapi, 'client').isConfigured()) {
    strapi.log.info('odoo-sync: Odoo is not configured; lead events wait in the outbox until it is');
  }
};
