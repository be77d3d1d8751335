import type { Core } from '@strapi/strapi';
import { SCHEDULED_UIDS } from './uids';

/**
 * Scheduled publishing (Strapi's Releases are Enterprise-only): every tick publishes drafts
 * whose publishAt has passed and unpublishes entries whose unpublishAt has passed, per locale,
 * through the Document Service (so history, events and our rebuild webhook follow).
 *
 * Each entry is claimed by clearing its date in the same transaction as the (un)publish: a
 * second CMS instance running the same tick finds nothing to claim, and a failed publish rolls
 * the date back so the next tick tries again.
 */
export const SCHEDULER_TASK = 'contentScheduler';

export interface SchedulerReport {
  published: Array<{ uid: string; documentId: string; locale: string }>;
  unpublished: Array<{ uid: string; documentId: string; locale: string }>;
  failed: Array<{ uid: string; documentId: string; locale: string; error: string }>;
}

let running = false;

export async function runScheduledPublishing(strapi: Core.Strapi, now = new Date()): Promise<SchedulerReport> {
  const report: SchedulerReport = { published: [], unpublished: [], failed: [] };
  if (running) return report; // a slow tick must not overlap the next one
  running = true;
  try {
    for (const uid of SCHEDULED_UIDS) {
      for (const [field, kind] of [
        ['publishAt', 'publish'],
        ['unpublishAt', 'unpublish'],
      ] as const) {
        const due = (await strapi.db.query(uid).findMany({
          where: { publishedAt: null, [field]: { $lte: now } },
          select: ['id', 'documentId', 'locale', field],
          orderBy: { [field]: 'asc' },
          limit: 100,
        })) as Array<Record<string, any>>;
        for (const draft of due) {
          const entry = { uid, documentId: draft.documentId as string, locale: draft.locale as string };
          try {
            const done = await strapi.db.transaction(async () => {
              const { count } = await strapi.db
                .query(uid)
                .updateMany({ where: { id: draft.id, [field]: draft[field] }, data: { [field]: null } });
              if (count === 0) return false; // another instance took it
              if (kind === 'publish') {
                await strapi.documents(uid).publish({ documentId: entry.documentId, locale: entry.locale });
                return true;
              }
              const { entries } = await strapi
                .documents(uid)
                .unpublish({ documentId: entry.documentId, locale: entry.locale });
              return entries.length > 0;
            });
            if (done) (kind === 'publish' ? report.published : report.unpublished).push(entry);
          } catch (error) {
            report.failed.push({ ...entry, error: (error as Error).message });
            strapi.log.error(
              `scheduler: could not ${kind} ${uid} ${entry.documentId} (${entry.locale}): ${(error as Error).message}`,
            );
          }
        }
      }
    }
  } finally {
    running = false;
  }
  const changed = report.published.length + report.unpublished.length;
  if (changed > 0)
    strapi.log.info(`scheduler: published ${report.published.length}, unpublished ${report.unpublished.length}`);
  return report;
}

/** Every minute by default; SCHEDULER_CRON (6 fields with seconds) changes it, CONTENT_SCHEDULER=false turns it off. */
export function registerScheduler(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): void {
  if (env.CONTENT_SCHEDULER === 'false') return;
  const rule = env.SCHEDULER_CRON?.trim() || '0 * * * * *';
  strapi.cron.add({
    [SCHEDULER_TASK]: {
      task: async () => {
        try {
          await runScheduledPublishing(strapi);
        } catch (error) {
          strapi.log.error(`scheduler: tick failed: ${(error as Error).message}`);
        }
      },
      options: { rule },
    },
  });
}
