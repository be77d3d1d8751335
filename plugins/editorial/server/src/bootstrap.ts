import type { Core } from '@strapi/strapi';
import { renderReviewRequest } from './domain/emails';
import { PERMISSION_ACTIONS } from './permissions';
import { REVIEW_EMAIL_TEMPLATE } from './services/stages';
import { installTables } from './tables';
import { getConfig, getService, leads } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  await installTables(strapi.db.connection);
  leads(strapi).email.registerTemplate(REVIEW_EMAIL_TEMPLATE, renderReviewRequest, ['en']);
  // logins, admin users, roles and media into the audit log (content writes: the middleware)
  getService(strapi, 'audit-events').subscribe();

  // retention: the CMS runs every cron tick on one instance only (cms/src/ops/cluster.ts)
  strapi.cron.add({
    editorialHistoryRetention: {
      task: async () => {
        try {
          const deleted = await getService(strapi, 'versions').prune();
          if (deleted > 0) strapi.log.info(`editorial: retention deleted ${deleted} old versions`);
        } catch (error) {
          strapi.log.warn(`editorial: version retention failed, the next run retries: ${(error as Error).message}`);
        }
      },
      options: { rule: getConfig(strapi).pruneCron },
    },
  });
  // every instance polls; a due release is claimed with SKIP LOCKED (services/releases.ts)
  strapi.server.httpServer.once('listening', () => getService(strapi, 'releases').start());
};
