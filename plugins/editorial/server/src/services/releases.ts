import os from 'node:os';
import { intervalJob, type IntervalJob } from '@magnetiq/plugin-kit/server';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReleaseActionType, ReleaseInput } from '../domain/release';
import { TABLES } from '../tables';
import { getConfig, leads, localeKey, localeOut, type Actor } from '../utils';

export type ReleaseStatus = 'open' | 'scheduled' | 'running' | 'done' | 'failed';

interface ReleaseRow {
  id: number | string;
  name: string;
  status: ReleaseStatus;
  scheduled_at: Date | string | null;
  time_zone: string | null;
  runs: number;
  error: string | null;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  created_by_id: number | null;
  created_at: Date | string;
}

interface ActionRow {
  id: number | string;
  release_id: number | string;
  position: number;
  content_type: string;
  document_id: string;
  locale: string;
  type: ReleaseActionType;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export const toRelease = (row: ReleaseRow, actions: ActionRow[]) => ({
  id: Number(row.id),
  name: row.name,
  status: row.status,
  scheduledAt: iso(row.scheduled_at),
  timeZone: row.time_zone,
  runs: row.runs,
  error: row.error,
  startedAt: iso(row.started_at),
  finishedAt: iso(row.finished_at),
  createdAt: iso(row.created_at) as string,
  actions: actions.map((action) => ({
    uid: action.content_type,
    documentId: action.document_id,
    locale: localeOut(action.locale),
    type: action.type,
  })),
});

export type Release = ReturnType<typeof toRelease>;

type PublishApi = Record<ReleaseActionType, (params: Record<string, unknown>) => Promise<{ entries?: unknown[] }>>;

/**
 * Releases: entries published or unpublished together at a scheduled time. The schedule lives in
 * the database; every instance polls, and a due release is claimed with FOR UPDATE SKIP LOCKED
 * (status `running`, with a lease), so two instances never run it twice. Its actions run in one
 * transaction: all of them, or none with the failure recorded on the release.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const instance = `${os.hostname()}:${process.pid}`;
  let scheduler: IntervalJob | null = null;

  const actionsOf = async (ids: number[]) => {
    if (ids.length === 0) return new Map<number, ActionRow[]>();
    const rows = (await knex()(TABLES.releaseActions)
      .whereIn('release_id', ids)
      .orderBy(['release_id', 'position'])) as ActionRow[];
    const byRelease = new Map<number, ActionRow[]>();
    for (const row of rows) {
      const list = byRelease.get(Number(row.release_id)) ?? [];
      list.push(row);
      byRelease.set(Number(row.release_id), list);
    }
    return byRelease;
  };

  const service = {
    async create(input: ReleaseInput, actor: Actor): Promise<Release> {
      const id = await knex().transaction(async (trx) => {
        const [row] = (await trx(TABLES.releases)
          .insert({ name: input.name, created_by_id: actor.id })
          .returning('id')) as Array<{ id: number | string }>;
        await trx(TABLES.releaseActions).insert(
          input.actions.map((action, position) => ({
            release_id: row.id,
            position,
            content_type: action.uid,
            document_id: action.documentId,
            locale: localeKey(action.locale),
            type: action.type,
          })),
        );
        return Number(row.id);
      });
      return (await service.get(id)) as Release;
    },

    async get(id: number): Promise<Release | null> {
      const row = (await knex()(TABLES.releases).where({ id }).first()) as ReleaseRow | undefined;
      if (!row) return null;
      return toRelease(row, (await actionsOf([id])).get(id) ?? []);
    },

    async list(query: { status?: string; page: number; pageSize: number }) {
      const base = () =>
        query.status ? knex()(TABLES.releases).where({ status: query.status }) : knex()(TABLES.releases);
      const [{ count }] = (await base().count({ count: '*' })) as Array<{ count: string | number }>;
      const rows = (await base()
        .orderBy('id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)) as ReleaseRow[];
      const actions = await actionsOf(rows.map((row) => Number(row.id)));
      const total = Number(count);
      return {
        results: rows.map((row) => toRelease(row, actions.get(Number(row.id)) ?? [])),
        pagination: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) },
      };
    },

    /** Schedules an open (or failed) release; a scheduled one may be moved. */
    async schedule(id: number, at: Date, timeZone: string | null): Promise<Release> {
      const updated = await knex()(TABLES.releases)
        .where({ id })
        .whereIn('status', ['open', 'scheduled', 'failed'])
        .update({ status: 'scheduled', scheduled_at: at, time_zone: timeZone, error: null, updated_at: new Date() });
      if (updated === 0) {
        const release = await service.get(id);
        if (!release) throw new errors.NotFoundError(`No release ${id}`);
        throw new errors.ValidationError(`The release is ${release.status}: it cannot be scheduled again`, {
          errors: [{ path: ['id'], code: 'release_not_schedulable', message: `the release is ${release.status}` }],
        });
      }
      return (await service.get(id)) as Release;
    },

    /** Claims one due release for this instance (or one whose instance died mid-run); null when none is due. */
    async claimDue(now = new Date()): Promise<number | null> {
      const lease = new Date(now.getTime() - getConfig(strapi).releaseLeaseMs);
      const result = await knex().raw(
        `update ${TABLES.releases} set status = 'running', runs = runs + 1, run_by = ?, started_at = ?, updated_at = ?
         where id = (
           select id from ${TABLES.releases}
           where (status = 'scheduled' and scheduled_at <= ?) or (status = 'running' and started_at < ?)
           order by scheduled_at, id
           limit 1
           for update skip locked)
         returning id`,
        [instance, now, now, now, lease],
      );
      const row = (result as { rows: Array<{ id: number | string }> }).rows[0];
      return row ? Number(row.id) : null;
    },

    /** Runs a claimed release: every action in one transaction; a failure rolls all back and is recorded. */
    async run(id: number): Promise<Release> {
      const release = await service.get(id);
      if (!release) throw new errors.NotFoundError(`No release ${id}`);
      const system = { id: undefined, email: 'editorial-release' };
      try {
        await strapi.db.transaction(async ({ trx }) => {
          for (const [index, action] of release.actions.entries()) {
            const documents = strapi.documents(
              action.uid as Parameters<typeof strapi.documents>[0],
            ) as unknown as Partial<PublishApi>;
            const act = documents[action.type];
            if (!act) throw new Error(`action ${index + 1}: ${action.uid} has no drafts to ${action.type}`);
            const params: Record<string, unknown> = { documentId: action.documentId };
            if (action.locale) params.locale = action.locale;
            let result: { entries?: unknown[] } | null;
            try {
              result = await act.call(documents, params);
            } catch (error) {
              const details = (error as { details?: { errors?: Array<{ path?: string[]; message?: string }> } })
                .details;
              const fields = details?.errors
                ?.map((issue) => `${(issue.path ?? []).join('.')}: ${issue.message}`)
                .join('; ');
              throw new Error(
                `action ${index + 1} (${action.type} ${action.uid} ${action.documentId}${action.locale ? ` ${action.locale}` : ''}): ${(error as Error).message}${fields ? ` (${fields})` : ''}`,
                { cause: error },
              );
            }
            if (action.type === 'publish' && (!result?.entries || result.entries.length === 0))
              throw new Error(`action ${index + 1} (publish ${action.uid} ${action.documentId}): no such entry`);
          }
          await trx(TABLES.releases)
            .where({ id })
            .update({ status: 'done', finished_at: new Date(), error: null, updated_at: new Date() });
          await leads(strapi).audit.adminRead(
            system,
            'editorial.release-run',
            { type: 'editorial.release', id },
            {
              outcome: 'done',
              actions: release.actions.length,
            },
          );
        });
      } catch (error) {
        const failure = (error as Error).message.slice(0, 2000);
        await knex()(TABLES.releases)
          .where({ id })
          .update({ status: 'failed', finished_at: new Date(), error: failure, updated_at: new Date() });
        await leads(strapi).audit.adminRead(
          system,
          'editorial.release-run',
          { type: 'editorial.release', id },
          {
            outcome: 'failed',
            error: failure,
          },
        );
        strapi.log.warn(`editorial: release ${id} failed, nothing of it was published: ${failure}`);
      }
      return (await service.get(id)) as Release;
    },

    /** Runs every due release this instance can claim. */
    async runDue(): Promise<number> {
      let ran = 0;
      for (let id = await service.claimDue(); id !== null; id = await service.claimDue()) {
        await service.run(id);
        ran += 1;
      }
      return ran;
    },

    start() {
      scheduler ??= intervalJob({
        everyMs: getConfig(strapi).releasePollMs,
        run: () => service.runDue(),
        onError: (error) => strapi.log.error(`editorial: release scheduler: ${error.message}`),
      });
      scheduler.start();
    },

    async stop() {
      await scheduler?.stop();
    },
  };
  return service;
};
