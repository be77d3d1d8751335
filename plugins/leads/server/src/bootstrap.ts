import type { Core } from '@strapi/strapi';
import { PERMISSION_ACTIONS } from './permissions';
import { getConfig, getService } from './utils';
import { EMAIL_TOPIC } from './services/email';
import { trackHttpServer, type HttpDrain } from './shutdown';
import { installEvidenceTriggers } from './evidence';
import type { EmailPayload, OutboxDelivery } from './contract';
import { DEFAULT_LOCALE_STORE_KEY, I18N_LOCALE_UID, LOCALES_CLUSTER_TOPIC } from './services/locales';

const drains = new WeakMap<Core.Strapi, HttpDrain>();
/** The request tracker of this Strapi's HTTP server (destroy drains it). */
export const httpDrainOf = (strapi: Core.Strapi) => drains.get(strapi);

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  // after Strapi's schema sync, which ran before bootstrap and may have created the tables
  await installEvidenceTriggers(strapi);

  // The configured locales are cached (services/locales.ts): a change drops them at once on this
  // instance and, through the cluster channel, on every other one (docs/adr/0025).
  getService(strapi, 'cluster').subscribe(LOCALES_CLUSTER_TOPIC, () => getService(strapi, 'locales').invalidate());
  const localesChanged = () => void getService(strapi, 'cluster').broadcast(LOCALES_CLUSTER_TOPIC);
  strapi.db.lifecycles.subscribe({
    models: [I18N_LOCALE_UID],
    afterCreate: localesChanged,
    afterUpdate: localesChanged,
    afterDelete: localesChanged,
    afterDeleteMany: localesChanged,
  });
  const defaultLocaleChanged = (event: {
    result?: { key?: string } | null;
    params?: { where?: { key?: string }; data?: { key?: string } };
  }) => {
    const key = event.result?.key ?? event.params?.data?.key ?? event.params?.where?.key;
    if (key === DEFAULT_LOCALE_STORE_KEY) localesChanged();
  };
  strapi.db.lifecycles.subscribe({
    models: ['strapi::core-store'],
    afterCreate: defaultLocaleChanged,
    afterUpdate: defaultLocaleChanged,
  });

  const outbox = getService(strapi, 'outbox');
  // wake on commit: every insert into the outbox notifies the workers of all instances
  await outbox.installNotifyTrigger();
  // several instances: cache invalidation for all of them, cron ticks run by one (docs/adr/0025)
  const cluster = getService(strapi, 'cluster');
  await cluster.installJobRuns();
  cluster.start();
  // emails are independent of each other: several in flight (outbox.concurrency, OUTBOX_CONCURRENCY)
  outbox.registerHandler(
    EMAIL_TOPIC,
    ({ payload, idempotencyKey }: OutboxDelivery<EmailPayload>) =>
      getService(strapi, 'email').deliver({ payload, idempotencyKey }),
    {
      concurrency: getConfig(strapi).outbox.concurrency,
    },
  );

  strapi.cron.add({
    leadsRetention: {
      task: async () => {
        await getService(strapi, 'contacts').eraseStale();
      },
      options: { rule: '17 3 * * *' },
    },
    // every instance runs it: the purge claims its batches with SKIP LOCKED
    leadsDeliveryRetention: {
      task: async () => {
        try {
          await outbox.purgeFinished(getConfig(strapi).deliveryRetentionDays);
        } catch (error) {
          strapi.log.warn(`outbox: retention purge failed, the next run retries: ${(error as Error).message}`);
        }
      },
      options: { rule: getConfig(strapi).deliveryRetentionCron },
    },
  });

  // Count requests in flight from the start, so a SIGTERM can let them finish (destroy.ts).
  drains.set(strapi, trackHttpServer(strapi.server.httpServer));

  // Start polling once every plugin has registered its handlers (they register in bootstrap too).
  strapi.server.httpServer.once('listening', () => outbox.start());
};
