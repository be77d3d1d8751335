import type { Core } from '@strapi/strapi';
import { ensureFirstAdmin } from './bootstrap/admin-user';
import { registerContentMiddleware } from './content/document-middleware';
import { watchLocales } from './content/locales';
import { registerOpsEndpoints } from './ops/endpoints';
import { registerApiDocs } from './openapi/serve';
import { finishBackgroundWork, registerShutdownTracking } from './ops/shutdown';
import { registerClusterCaches, registerClusterCron } from './ops/cluster';
import { syncPublicPermissions } from './content/public-permissions';
import { contentChanged } from './content/response-cache';
import { syncAdminRoles } from './content/roles';
import { registerScheduler } from './content/scheduler';
import { registerSiteRebuild } from './content/site-rebuild';
import { provisionPreviewToken } from './content/preview-token';
import { ensureSeedLocales, isSiteEmpty, seedDemoContent, shouldSeedOnBoot, summarise } from './seed';
import { guardUploadService } from './uploads/allow-list';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerShutdownTracking(strapi);
    registerClusterCron(strapi);
    registerContentMiddleware(strapi);
    registerOpsEndpoints(strapi);
    registerApiDocs(strapi);
    guardUploadService(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureFirstAdmin(strapi);
    // the demo content's locales before the roles sync, so the roles get rights on them from the start
    const seeding = shouldSeedOnBoot() && (await isSiteEmpty(strapi));
    if (seeding) await ensureSeedLocales(strapi);
    await syncAdminRoles(strapi);
    await syncPublicPermissions(strapi);
    registerClusterCaches(strapi);
    registerSiteRebuild(strapi);
    await provisionPreviewToken(strapi);
    watchLocales(strapi, () => syncAdminRoles(strapi));
    registerScheduler(strapi);
    // answers embed media URLs and alt texts: a media edit must not be served stale
    strapi.db.lifecycles.subscribe({
      models: ['plugin::upload.file'],
      afterUpdate: contentChanged,
      afterUpdateMany: contentChanged,
      afterDelete: contentChanged,
      afterDeleteMany: contentChanged,
    });
    if (seeding) {
      const report = await seedDemoContent(strapi);
      strapi.log.info(`Demo content: ${summarise(report)}.`);
    }
  },

  /**
   * Strapi runs this after the plugins' destroy (outbox, reminders stopped) and its cron's, and
   * before it closes the database pool: the one shutdown path of `strapi start` (SIGTERM) and of
   * the one-shot commands (scripts/lib/strapi-command.mjs).
   */
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await finishBackgroundWork(strapi);
  },
};
