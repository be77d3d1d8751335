import type { Core } from '@strapi/strapi';
import type { TypeSettings } from '../domain/workflow';
import { currentActor, getService, hasDrafts, isEditorialType, isLocalized, leads } from '../utils';

/** Document Service actions the editorial plugin follows. */
const WRITES = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'delete']);

interface DocumentContext {
  uid: string;
  action: string;
  params?: Record<string, unknown>;
}

type Entry = { documentId?: string; locale?: string | null; publishedAt?: unknown };

const entriesOf = (result: unknown): Entry[] => {
  if (result && typeof result === 'object' && Array.isArray((result as { entries?: unknown }).entries))
    return (result as { entries: Entry[] }).entries;
  return [];
};

/** The field names (top level) a list of changes touches, for the audit log. */
const fieldNames = (paths: string[]) => [...new Set(paths.map((path) => path.split(/[.[]/)[0]))];

/**
 * The editorial Document Service middleware (registered in `register`, so it wraps every write:
 * Content Manager, REST, seed, scheduler, releases):
 * - before a publish of a type with review on: refuses (403) unless the entry is in the last stage;
 * - around the write: one transaction (the Document Service joins it) in which, after the write,
 *   the version of each saved or published locale is recorded, an edited approved entry goes
 *   back to the first stage, and the admin action is written to the audit log. A write whose
 *   version or audit row fails is rolled back: no change without its history.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const locales = async (uid: string, documentId: string | undefined, locale: unknown): Promise<string[]> => {
    if (!isLocalized(strapi, uid)) return [''];
    if (typeof locale === 'string' && locale !== '*') return [locale];
    if (Array.isArray(locale)) return locale.filter((code): code is string => typeof code === 'string');
    if (locale === '*' && documentId) {
      const rows = (await strapi.db
        .query(uid as Parameters<typeof strapi.db.query>[0])
        .findMany({ where: { documentId, publishedAt: null }, select: ['locale'] })) as Array<{ locale: string }>;
      return [...new Set(rows.map((row) => row.locale))];
    }
    const i18n = strapi.plugin('i18n')?.service('locales') as { getDefaultLocale(): Promise<string> } | undefined;
    return [(await i18n?.getDefaultLocale()) ?? 'en'];
  };

  const afterWrite = async (settings: TypeSettings, context: DocumentContext, result: unknown) => {
    const { uid, action } = context;
    const params = context.params ?? {};
    const versions = getService(strapi, 'versions');
    const stages = getService(strapi, 'stages');
    const actor = currentActor(strapi);
    const drafts = hasDrafts(strapi, uid);
    const audit = async (name: string, documentId: string, locale: string, details: Record<string, unknown> = {}) => {
      if (actor.id === null) return; // the system's own writes (seed, scheduler, releases) are audited where they start
      await leads(strapi).audit.adminRead(
        { id: actor.id, email: actor.email ?? undefined },
        `content.${name}`,
        {
          type: uid,
          id: documentId,
        },
        { locale: locale || null, ...details },
      );
    };

    if (action === 'create' || action === 'update') {
      const entry = result as Entry | null;
      if (!entry?.documentId) return;
      const locale = entry.locale ?? '';
      const recorded = settings.history
        ? await versions.record(uid, entry.documentId, locale, 'draft', action, actor)
        : null;
      const restoredFrom = versions.restoringFrom();
      const changed = action === 'create' || recorded !== null || !settings.history;
      if (action === 'update' && changed && settings.review)
        await stages.resetAfterEdit(settings, entry.documentId, locale, actor);
      if (changed)
        await audit(restoredFrom !== null ? 'restore' : action, entry.documentId, locale, {
          fields: fieldNames((recorded?.changes ?? []).map((change) => change.path)),
          ...(restoredFrom !== null ? { version: restoredFrom } : {}),
        });
      if (drafts && params.status === 'published') {
        if (settings.history) await versions.record(uid, entry.documentId, locale, 'published', 'publish', actor);
        await audit('publish', entry.documentId, locale);
      }
      return;
    }
    const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
    if (!documentId) return;
    const entries = entriesOf(result);
    if (action === 'publish') {
      for (const entry of entries) {
        const locale = entry.locale ?? '';
        if (settings.history) await versions.record(uid, documentId, locale, 'published', 'publish', actor);
        await audit('publish', documentId, locale);
      }
    } else if (action === 'discardDraft') {
      for (const entry of entries) {
        const locale = entry.locale ?? '';
        if (settings.history) await versions.record(uid, documentId, locale, 'draft', 'discard-draft', actor);
        await audit('discard-draft', documentId, locale);
      }
    } else if (entries.length > 0 || action === 'delete') {
      const seen = new Set(entries.map((entry) => entry.locale ?? ''));
      for (const locale of seen.size > 0 ? seen : new Set([typeof params.locale === 'string' ? params.locale : '']))
        await audit(action, documentId, locale);
    }
  };

  return {
    register() {
      strapi.documents.use(async (context, next) => {
        const doc = context as unknown as DocumentContext;
        if (!WRITES.has(doc.action) || !isEditorialType(strapi, doc.uid)) return next();
        const settings = await getService(strapi, 'settings').get(doc.uid);
        const params = doc.params ?? {};
        const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
        const publishing =
          doc.action === 'publish' ||
          ((doc.action === 'create' || doc.action === 'update') && params.status === 'published');
        if (publishing && settings.review && hasDrafts(strapi, doc.uid))
          await getService(strapi, 'stages').assertPublishable(
            settings,
            doc.action === 'create' ? undefined : documentId,
            await locales(doc.uid, documentId, params.locale),
          );
        return strapi.db.transaction(async () => {
          const result = await next();
          await afterWrite(settings, doc, result);
          return result;
        });
      });
    },
  };
};
