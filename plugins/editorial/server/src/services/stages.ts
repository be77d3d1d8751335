import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { firstStage, lastStage, mayEnter, type TypeSettings } from '../domain/workflow';
import { TABLES } from '../tables';
import { getConfig, getService, inTransaction, leads, localeKey, localeOut, type Actor } from '../utils';

export const REVIEW_EMAIL_TEMPLATE = 'editorial-review-request';

interface StageRow {
  content_type: string;
  document_id: string;
  locale: string;
  stage: string;
  assignee_id: number | null;
  updated_by_id: number | null;
  updated_at: Date | string;
}

export interface EntryStage {
  uid: string;
  documentId: string;
  locale: string | null;
  stage: string;
  assigneeId: number | null;
  updatedAt: string | null;
}

const toStage = (row: StageRow): EntryStage => ({
  uid: row.content_type,
  documentId: row.document_id,
  locale: localeOut(row.locale),
  stage: row.stage,
  assigneeId: row.assignee_id,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export interface StageUser {
  id: number;
  email?: string;
  roles?: Array<{ code: string }>;
}

/**
 * Review stages of entries (per document and locale). An entry without a row is in the first
 * stage. Publishing a type whose review is on needs the last stage: the Document Service
 * middleware asks `assertPublishable` before every publish, whoever publishes (Content Manager,
 * REST, a release).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settingsOf = (uid: string) => getService(strapi, 'settings').get(uid);

  const service = {
    async get(uid: string, documentId: string, locale: string | undefined): Promise<EntryStage> {
      const settings = await settingsOf(uid);
      const row = await inTransaction(
        strapi,
        async (trx) =>
          (await trx(TABLES.stages)
            .where({ content_type: uid, document_id: documentId, locale: localeKey(locale) })
            .first()) as StageRow | undefined,
      );
      return row
        ? toStage(row)
        : { uid, documentId, locale: locale ?? null, stage: firstStage(settings), assigneeId: null, updatedAt: null };
    },

    /**
     * Throws a 403 unless every locale being published is in the last stage (review on for the type).
     * A PolicyError: the one 403 whose message Strapi passes to the client (a ForbiddenError becomes a bare "Forbidden").
     */
    async assertPublishable(settings: TypeSettings, documentId: string | undefined, locales: string[]) {
      if (!settings.review) return;
      const last = lastStage(settings);
      if (!documentId)
        throw new errors.PolicyError(
          `Review is on for ${settings.uid}: a new entry starts in "${firstStage(settings)}" and can be published only in "${last}".`,
        );
      for (const locale of locales) {
        const { stage } = await service.get(settings.uid, documentId, locale);
        if (stage !== last)
          throw new errors.PolicyError(
            `This entry is in the review stage "${stage}"${locale ? ` (${locale})` : ''}: only entries in "${last}" can be published.`,
            { code: 'not_approved', stage, requiredStage: last },
          );
      }
    },

    /** After an edit: an entry in the last stage goes back to the first (when the type says so). */
    async resetAfterEdit(settings: TypeSettings, documentId: string, locale: string, actor: Actor) {
      if (!settings.review || !settings.resetOnEdit) return false;
      const { stage } = await service.get(settings.uid, documentId, locale);
      if (stage !== lastStage(settings)) return false;
      await inTransaction(strapi, (trx) =>
        trx(TABLES.stages)
          .where({ content_type: settings.uid, document_id: documentId, locale: localeKey(locale) })
          .update({ stage: firstStage(settings), updated_by_id: actor.id, updated_at: new Date() }),
      );
      return true;
    },

    /**
     * Moves an entry into a stage (the user's roles must be allowed into it) and sets its assignee.
     * Entering a stage that notifies emails the assignee through the leads outbox, in the same
     * transaction.
     */
    async set(
      input: { uid: string; documentId: string; locale?: string; stage: string; assigneeId?: number | null },
      user: StageUser,
    ): Promise<EntryStage> {
      const settings = await settingsOf(input.uid);
      if (!settings.review)
        throw new errors.ValidationError(`Review stages are off for ${input.uid}`, {
          errors: [{ path: ['uid'], code: 'review_off', message: 'review stages are off for this type' }],
        });
      const target = settings.stages.find((stage) => stage.name === input.stage);
      if (!target)
        throw new errors.ValidationError(`No stage named ${input.stage}`, {
          errors: [
            {
              path: ['stage'],
              code: 'unknown_stage',
              message: `stages: ${settings.stages.map((s) => s.name).join(', ')}`,
            },
          ],
        });
      const roleCodes = (user.roles ?? []).map((role) => role.code);
      if (!mayEnter(target, roleCodes))
        throw new errors.PolicyError(`Your role may not move entries into "${target.name}"`);
      const exists = await strapi.db
        .query(input.uid as Parameters<typeof strapi.db.query>[0])
        .count({ where: { documentId: input.documentId, ...(input.locale ? { locale: input.locale } : {}) } });
      if (exists === 0) throw new errors.NotFoundError(`No entry ${input.documentId}`);
      let assignee: { id: number; email: string; firstname?: string | null } | null = null;
      if (input.assigneeId != null) {
        assignee = (await strapi.db.query('admin::user').findOne({
          where: { id: input.assigneeId, isActive: true },
          select: ['id', 'email', 'firstname'],
        })) as typeof assignee;
        if (!assignee)
          throw new errors.ValidationError('The assignee is not an active admin user', {
            errors: [{ path: ['assigneeId'], code: 'unknown_assignee', message: 'not an active admin user' }],
          });
      }
      const previous = await service.get(input.uid, input.documentId, input.locale);
      const assigneeId = input.assigneeId === undefined ? previous.assigneeId : input.assigneeId;
      return inTransaction(strapi, async (trx) => {
        const [row] = (await trx(TABLES.stages)
          .insert({
            content_type: input.uid,
            document_id: input.documentId,
            locale: localeKey(input.locale),
            stage: target.name,
            assignee_id: assigneeId,
            updated_by_id: user.id,
            updated_at: new Date(),
          })
          .onConflict(['content_type', 'document_id', 'locale'])
          .merge()
          .returning('*')) as StageRow[];
        await leads(strapi).audit.adminRead(
          user,
          'editorial.stage-change',
          { type: input.uid, id: input.documentId },
          {
            locale: input.locale ?? null,
            from: previous.stage,
            to: target.name,
            assigneeId,
          },
        );
        const notifyTo =
          assignee ??
          (assigneeId
            ? await strapi.db
                .query('admin::user')
                .findOne({ where: { id: assigneeId }, select: ['id', 'email', 'firstname'] })
            : null);
        if (target.notifyAssignee && notifyTo?.email && previous.stage !== target.name) {
          const adminUrl = getConfig(strapi).adminUrl.replace(/\/$/, '');
          const kind =
            (strapi.contentTypes as unknown as Record<string, { kind?: string }>)[input.uid]?.kind === 'singleType'
              ? 'single-types'
              : 'collection-types';
          await leads(strapi).outbox.enqueue([
            {
              topic: 'email.send',
              idempotencyKey: `editorial.review:${input.uid}:${input.documentId}:${localeKey(input.locale)}:${row.updated_at instanceof Date ? row.updated_at.toISOString() : row.updated_at}`,
              payload: {
                template: REVIEW_EMAIL_TEMPLATE,
                locale: 'en',
                to: notifyTo.email,
                data: {
                  name: notifyTo.firstname ?? '',
                  stage: target.name,
                  uid: input.uid,
                  documentId: input.documentId,
                  locale: input.locale ?? null,
                  link: `${adminUrl}/content-manager/${kind}/${input.uid}/${input.documentId}${input.locale ? `?plugins[i18n][locale]=${input.locale}` : ''}`,
                },
              },
            },
          ]);
        }
        return toStage(row);
      });
    },

    /** Entries of these types past the first stage of their workflow (newest first, at most 100). */
    async inReview(uids: string[]): Promise<EntryStage[]> {
      if (uids.length === 0) return [];
      const rows = (await strapi.db
        .connection(TABLES.stages)
        .whereIn('content_type', uids)
        .orderBy('updated_at', 'desc')
        .limit(100)) as StageRow[];
      const out: EntryStage[] = [];
      for (const row of rows) {
        const settings = await settingsOf(row.content_type);
        if (settings.review && row.stage !== firstStage(settings)) out.push(toStage(row));
      }
      return out;
    },

    /** Entries assigned to this user that wait in a stage that notifies (the "waiting for my review" list). */
    async mine(userId: number): Promise<EntryStage[]> {
      const rows = (await strapi.db
        .connection(TABLES.stages)
        .where({ assignee_id: userId })
        .orderBy('updated_at', 'desc')
        .limit(100)) as StageRow[];
      const out: EntryStage[] = [];
      for (const row of rows) {
        const settings = await settingsOf(row.content_type);
        const stage = settings.stages.find((candidate) => candidate.name === row.stage);
        if (settings.review && stage?.notifyAssignee) out.push(toStage(row));
      }
      return out;
    },
  };
  return service;
};
