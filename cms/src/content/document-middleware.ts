import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { defaultLocale } from './locales';
import { contentChangedOnCommit } from './response-cache';
import { requestSiteRebuild } from './site-rebuild';
import {
  collapseOnto,
  prepareRedirect,
  publishedSlugs,
  recordSlugChanges,
  REDIRECT_UID,
  REDIRECTED_UIDS,
} from './redirects';
import { slugFromTitle, slugProblem } from './slugs';
import { SCHEDULED_UIDS, SLUG_SOURCE, triggersSiteRebuild } from './uids';

const fieldError = (path: string, message: string, value?: unknown) =>
  new errors.ValidationError(`${path} ${message}`, {
    errors: [{ path: [path], message: `${path} ${message}`, name: 'ValidationError', value }],
  });

/**
 * Document Service middleware for the site's content: every write path (content manager,
 * REST, seed, scheduler) goes through it.
 * - slugs: generated from the title/name when empty, validated (lowercase, hyphens) and unique
 *   per locale across documents; a bad or taken slug is a 400 ValidationError.
 * - schedule: unpublishAt must be after publishAt.
 * - redirects: src/content/redirects.ts (editors' checked, slug changes recorded on publish).
 * - publish / unpublish / delete (any write, for types without drafts such as booking's meeting
 *   types) clear the public response cache, and for what the site renders queue a (debounced)
 *   site rebuild.
 */
export function registerContentMiddleware(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    const params = context.params as any;
    if ((action === 'create' || action === 'update') && params?.data) {
      if (SLUG_SOURCE[uid]) await prepareSlug(strapi, uid, action, params);
      if ((SCHEDULED_UIDS as readonly string[]).includes(uid)) checkSchedule(params.data);
    }
    // redirects: an editor's is checked (paths, loops) and collapsed; a published slug change records one
    const redirect =
      uid === REDIRECT_UID && (action === 'create' || action === 'update') && params?.data
        ? await prepareRedirect(strapi, action, params)
        : null;
    const slugsBefore =
      action === 'publish' && params?.documentId && (REDIRECTED_UIDS as readonly string[]).includes(uid)
        ? await publishedSlugs(strapi, uid, params.documentId)
        : null;
    const result = await next();
    if (redirect) await collapseOnto(strapi, redirect.from, redirect.target);
    if (slugsBefore && slugsBefore.size > 0)
      await recordSlugChanges(strapi, uid, slugsBefore, await publishedSlugs(strapi, uid, params.documentId));
    const draftAndPublish = Boolean((strapi.getModel(uid as any) as any)?.options?.draftAndPublish);
    const changed = draftAndPublish
      ? changesTheSite(action, result)
      : triggersSiteRebuild(uid) && ['create', 'update', 'delete'].includes(action) && result !== null;
    if (changed) await contentChangedOnCommit(strapi.db);
    if (triggersSiteRebuild(uid) && changed) {
      await requestSiteRebuild(strapi, { uid, action, documentId: params?.documentId, locale: params?.locale });
    }
    return result;
  });
}

/** Publishing, unpublishing something that was live, or deleting a published entry. */
function changesTheSite(action: string, result: any): boolean {
  const entries: Array<{ publishedAt?: unknown }> = Array.isArray(result?.entries) ? result.entries : [];
  if (action === 'publish' || action === 'unpublish') return entries.length > 0;
  if (action === 'delete') return entries.some((entry) => Boolean(entry?.publishedAt));
  return false;
}

async function prepareSlug(strapi: Core.Strapi, uid: string, action: string, params: any) {
  const source = SLUG_SOURCE[uid];
  const data = params.data;
  const locale: string =
    typeof params.locale === 'string' && params.locale !== '*' ? params.locale : await defaultLocale(strapi);
  const documentId: string | undefined = action === 'update' ? params.documentId : undefined;
  const existing = documentId
    ? await strapi.db
        .query(uid as any)
        .findOne({ where: { documentId, locale, publishedAt: null }, select: ['id', source, 'slug'] })
    : null;

  const given = data.slug;
  const blank = given === undefined || given === null || (typeof given === 'string' && given.trim() === '');
  if (!blank) {
    const problem = slugProblem(given);
    if (problem) throw fieldError('slug', problem, given);
    if (await slugTaken(strapi, uid, given, locale, documentId))
      throw fieldError('slug', `"${given}" is already used in locale ${locale}`, given);
    return;
  }
  // Omitted in an update of an existing entry: keep the slug it has.
  if (given === undefined && existing?.slug) return;

  const title = data[source] ?? existing?.[source];
  if (typeof title !== 'string' || title.trim() === '') {
    if (given !== undefined) throw fieldError('slug', `cannot be generated without a ${source}`, given);
    return; // the required title is reported by Strapi's own validation
  }
  const base = slugFromTitle(title, locale) || 'untitled';
  let candidate = base;
  for (let n = 2; await slugTaken(strapi, uid, candidate, locale, documentId); n++) candidate = `${base}-${n}`;
  data.slug = candidate;
}

async function slugTaken(strapi: Core.Strapi, uid: string, slug: string, locale: string, documentId?: string) {
  const where: Record<string, unknown> = { slug, locale };
  if (documentId) where.documentId = { $ne: documentId };
  return (await strapi.db.query(uid as any).count({ where })) > 0;
}

function checkSchedule(data: Record<string, unknown>) {
  for (const field of ['publishAt', 'unpublishAt']) {
    const value = data[field];
    if (value !== undefined && value !== null && value !== '' && Number.isNaN(new Date(value as string).getTime())) {
      throw fieldError(field, 'must be a date-time (ISO 8601)', value);
    }
  }
  const { publishAt, unpublishAt } = data;
  if (publishAt && unpublishAt && new Date(unpublishAt as string) <= new Date(publishAt as string)) {
    throw fieldError('unpublishAt', 'must be after publishAt', unpublishAt);
  }
}
