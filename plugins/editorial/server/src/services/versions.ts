import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { diffVersions, type FieldChange } from '../domain/diff';
import { collectReferences, planRestore, type MissingReference } from '../domain/restore';
import { deepPopulate } from '../domain/schema';
import { snapshot, type VersionData } from '../domain/snapshot';
import { TABLES } from '../tables';
import {
  currentActor,
  fromJsonb,
  getConfig,
  hasDrafts,
  inTransaction,
  localeKey,
  localeOut,
  schemasOf,
  type Actor,
} from '../utils';

export type VersionStatus = 'draft' | 'published';

interface VersionRow {
  id: string | number;
  content_type: string;
  document_id: string;
  locale: string;
  status: VersionStatus;
  action: string;
  data: VersionData;
  restored_from: string | number | null;
  created_by_id: number | null;
  created_by_name: string | null;
  created_at: Date | string;
}

export interface Version {
  id: number;
  uid: string;
  documentId: string;
  locale: string | null;
  status: VersionStatus;
  action: string;
  restoredFrom: number | null;
  createdBy: { id: number; name: string | null } | null;
  createdAt: string;
}

export const toVersion = (row: VersionRow): Version => ({
  id: Number(row.id),
  uid: row.content_type,
  documentId: row.document_id,
  locale: localeOut(row.locale),
  status: row.status,
  action: row.action,
  restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
  createdBy: row.created_by_id === null ? null : { id: row.created_by_id, name: row.created_by_name },
  createdAt: new Date(row.created_at).toISOString(),
});

const LIST_COLUMNS = [
  'id',
  'content_type',
  'document_id',
  'locale',
  'status',
  'action',
  'restored_from',
  'created_by_id',
  'created_by_name',
  'created_at',
];

/** A restore in progress: the update it makes is recorded as a `restore` of this version. */
const restoring = new AsyncLocalStorage<{ versionId: number }>();

type DocumentsApi = {
  findOne(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  update(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const schemas = schemasOf(strapi);
  const documents = (uid: string) =>
    strapi.documents(uid as Parameters<typeof strapi.documents>[0]) as unknown as DocumentsApi;

  /** The document as it is now (in the caller's transaction), as a version keeps it; null when it is gone. */
  const current = async (uid: string, documentId: string, locale: string, status: VersionStatus | null) => {
    const params: Record<string, unknown> = { documentId, populate: deepPopulate(schemas, uid) };
    if (locale) params.locale = locale;
    if (status && hasDrafts(strapi, uid)) params.status = status;
    const entry = await documents(uid).findOne(params);
    return entry ? snapshot(schemas, uid, entry) : null;
  };

  const service = {
    current,

    /** The action a save in progress is recorded as (a restore's update is a `restore`). */
    restoringFrom: () => restoring.getStore()?.versionId ?? null,

    async latest(uid: string, documentId: string, locale: string, status: VersionStatus) {
      return inTransaction(strapi, async (trx) => {
        const row = (await trx(TABLES.versions)
          .where({ content_type: uid, document_id: documentId, locale: localeKey(locale), status })
          .orderBy('id', 'desc')
          .first()) as VersionRow | undefined;
        return row ? { ...row, data: fromJsonb<VersionData>(row.data) } : null;
      });
    },

    /**
     * Records the document as it is now, in the caller's transaction. A save that changed nothing
     * (the Content Manager saves before it publishes) adds no version. Returns the field changes
     * against the previous version of the same status, or null when nothing was recorded.
     */
    async record(
      uid: string,
      documentId: string,
      locale: string,
      status: VersionStatus,
      action: string,
      actor: Actor = currentActor(strapi),
    ): Promise<{ id: number; changes: FieldChange[] } | null> {
      const data = await current(uid, documentId, locale, status);
      if (!data) return null;
      const previous = await service.latest(uid, documentId, locale, status);
      const changes = previous ? diffVersions(schemas, uid, previous.data, data) : [];
      const restoredFrom = service.restoringFrom();
      if (previous && changes.length === 0 && action === 'update' && restoredFrom === null) return null;
      return inTransaction(strapi, async (trx) => {
        const [row] = await trx(TABLES.versions)
          .insert({
            content_type: uid,
            document_id: documentId,
            locale: localeKey(locale),
            status,
            action: restoredFrom !== null && action === 'update' ? 'restore' : action,
            data: JSON.stringify(data),
            restored_from: restoredFrom,
            created_by_id: actor.id,
            created_by_name: actor.name,
          })
          .returning('id');
        return { id: Number((row as { id: number | string }).id ?? row), changes };
      });
    },

    async list(query: { uids: string[]; documentId?: string; locale?: string; page: number; pageSize: number }) {
      const knex = strapi.db.connection;
      const filtered = () => {
        const builder = knex(TABLES.versions).whereIn('content_type', query.uids);
        if (query.documentId) builder.where({ document_id: query.documentId, locale: localeKey(query.locale) });
        return builder;
      };
      const [{ count }] = (await filtered().count({ count: '*' })) as Array<{ count: string | number }>;
      const rows = (await filtered()
        .select(LIST_COLUMNS)
        .orderBy('id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)) as VersionRow[];
      const total = Number(count);
      return {
        results: rows.map(toVersion),
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          total,
          pageCount: Math.ceil(total / query.pageSize),
        },
      };
    },

    async get(id: number): Promise<(Version & { data: VersionData }) | null> {
      const row = (await strapi.db.connection(TABLES.versions).where({ id }).first()) as VersionRow | undefined;
      return row ? { ...toVersion(row), data: fromJsonb<VersionData>(row.data) } : null;
    },

    /** Field by field, what changed from this version to the current draft. */
    diffToCurrent(uid: string, data: VersionData, currentData: VersionData | null): FieldChange[] {
      return diffVersions(schemas, uid, data, currentData ?? {});
    },

    /** Which of the version's relations and media still exist (one query per target type). */
    async plan(uid: string, data: VersionData) {
      const references = collectReferences(schemas, uid, data);
      const present = new Map<string, Set<string>>();
      for (const [target, ids] of references.relations) {
        if (ids.size === 0 || !strapi.getModel(target as Parameters<Core.Strapi['getModel']>[0])) {
          present.set(target, new Set());
          continue;
        }
        const found = (await strapi.db
          .query(target as Parameters<typeof strapi.db.query>[0])
          .findMany({ where: { documentId: { $in: [...ids] } }, select: ['documentId'] })) as Array<{
          documentId: string;
        }>;
        present.set(target, new Set(found.map((entry) => entry.documentId)));
      }
      const media = new Set<number>();
      if (references.media.size > 0) {
        const found = (await strapi.db
          .query('plugin::upload.file')
          .findMany({ where: { id: { $in: [...references.media] } }, select: ['id'] })) as Array<{ id: number }>;
        for (const file of found) media.add(file.id);
      }
      return planRestore(schemas, uid, data, {
        relation: (target, documentId) => present.get(target)?.has(documentId) ?? false,
        media: (id) => media.has(id),
      });
    },

    /**
     * Writes a version's data as the document's new draft (never published); the update is itself
     * recorded as a `restore` version. `prepare` may reduce the data (fields the user may not write).
     */
    async restore(
      versionId: number,
      prepare: (data: Record<string, unknown>) => Promise<Record<string, unknown>>,
    ): Promise<{ version: Version | null; dropped: string[]; missing: MissingReference[] }> {
      const version = await service.get(versionId);
      if (!version) throw new errors.NotFoundError(`No version ${versionId}`);
      const plan = await service.plan(version.uid, version.data);
      const data = await prepare(plan.data);
      const exists = await strapi.db
        .query(version.uid as Parameters<typeof strapi.db.query>[0])
        .count({ where: { documentId: version.documentId } });
      if (exists === 0)
        throw new errors.NotFoundError(`The document ${version.documentId} of this version no longer exists`);
      const params: Record<string, unknown> = { documentId: version.documentId, data };
      if (version.locale) params.locale = version.locale;
      await restoring.run({ versionId }, () => documents(version.uid).update(params));
      const newest = await service.latest(version.uid, version.documentId, version.locale ?? '', 'draft');
      return { version: newest ? toVersion(newest) : null, dropped: plan.dropped, missing: plan.missing };
    },

    /**
     * Retention: versions younger than retentionDays stay; of older ones, the newest keepLast per
     * document, locale and status stay. Returns how many were deleted.
     */
    async prune(now = new Date()): Promise<number> {
      const { retentionDays, keepLast } = getConfig(strapi);
      const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
      const result = await strapi.db.connection.raw(
        `delete from ${TABLES.versions} v using (
           select id, row_number() over (partition by content_type, document_id, locale, status order by id desc) as rank
           from ${TABLES.versions}) ranked
         where v.id = ranked.id and ranked.rank > ? and v.created_at < ?`,
        [keepLast, cutoff],
      );
      return (result as { rowCount?: number }).rowCount ?? 0;
    },
  };
  return service;
};
