import type { OutboxDelivery } from '@magnetiq/plugin-leads/contract';
import type { Core } from '@strapi/strapi';
import { ACTIONS, PERMISSION_ACTIONS } from './permissions';
import { BATCH_TOPIC, getConfig, getService, leads, START_TOPIC } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'schema').ensure();
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  leads(strapi).contacts.onErase((erased) => getService(strapi, 'erasure').eraseContact(erased));
  // Sales sees a contact's campaigns in the leads contact timeline (personal data: history.read)
  leads(strapi).contacts.registerTimeline({
    source: 'newsletter',
    permission: ACTIONS.history.read,
    entries: (contact) => getService(strapi, 'history').timelineEntries(contact),
  });
  // bounces and complaints stop the core's emails too (marketing always, the rest after a hard bounce)
  leads(strapi).email.registerSuppression((to, kind) => getService(strapi, 'suppressions').check(to, kind));
  // one batch at a time per instance: SendGrid's rate limit is per account, and the batches are large
  leads(strapi).outbox.registerHandler(BATCH_TOPIC, (message) => getService(strapi, 'sender').deliver(message), {
    concurrency: 1,
  });
  leads(strapi).outbox.registerHandler(START_TOPIC, (message: OutboxDelivery<{ campaign?: unknown; at?: unknown }>) =>
    getService(strapi, 'campaigns').startScheduled(message.payload),
  );
  if (!getConfig(strapi).webhookPublicKey)
    strapi.log.warn('newsletter: SENDGRID_WEBHOOK_PUBLIC_KEY is not set: the event webhook refuses every request');
};
