import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { sitePath } from './preview';

/**
 * Redirects (api::redirect.redirect): an old site path answers 301 with its new one. The site's
 * build writes them as an nginx `map` and as static redirect pages (site/integrations/redirects.mjs).
 * - When a published slug of a page, article, webinar or whitepaper changes (per locale), the
 *   old path → the new one is recorded ("slug-change").
 * - Editors add and remove redirects in the Content Manager ("editor").
 * - Chains are collapsed: every redirect points straight at its final target (a→b plus b→c is
 *   stored as a→c, b→c); a redirect that would lead back to its own path is refused (400).
 * - A path that is live again (a slug changed back) is no longer redirected.
 */
export const REDIRECT_UID = 'api::redirect.redirect';

/** Content whose published slug is a public URL. */
export const REDIRECTED_UIDS = [
  'api::page.page',
  'api::article.article',
  'plugin::webinars.webinar',
  'plugin::whitepapers.whitepaper',
] as const;

const MAX_PATH = 300;

export type PathProblem = { code: 'required' | 'too_long' | 'invalid_format'; message: string };

/** A site path as stored: absolute, no scheme/host, query or fragment, one trailing slash (the site's URLs end in one). */
export function normalizePath(value: unknown): { path: string } | PathProblem {
  if (typeof value !== 'string' || value.trim() === '') return { code: 'required', message: 'must be a site path' };
  let path = value.trim();
  if (path.length > MAX_PATH) return { code: 'too_long', message: `must be at most ${MAX_PATH} characters` };
  if (!path.startsWith('/') || path.startsWith('//'))
    return { code: 'invalid_format', message: 'must be a path on the site starting with / (e.g. /en/old-page/)' };
  if (/[\s?#"'<>\\;{}$`]/.test(path) || path.split('/').some((part) => part === '.' || part === '..'))
    return {
      code: 'invalid_format',
      message: 'may hold letters, digits and - _ . ~ % / only, no query or fragment',
    };
  if (!/\.[a-z0-9]+$/i.test(path) && !path.endsWith('/')) path = `${path}/`;
  return { path };
}

export interface RedirectRow {
  id?: number;
  documentId?: string;
  from: string;
  to: string;
}

/** Where `start` ends after following `map`; null when the walk comes back to a path it passed (a loop). */
export function finalTarget(start: string, map: ReadonlyMap<string, string>): string | null {
  const seen = new Set<string>();
  let at = start;
  while (map.has(at)) {
    if (seen.has(at)) return null;
    seen.add(at);
    at = map.get(at)!;
  }
  return at;
}

/**
 * The rows to change so that, with `from → to` added, every redirect points at a final target:
 * `to` itself resolved through the others, and each redirect that pointed at `from` now at that target.
 * Throws a loop error when the target leads back to `from`.
 */
export function planRedirect(rows: readonly RedirectRow[], from: string, to: string) {
  const others = new Map(rows.filter((row) => row.from !== from).map((row) => [row.from, row.to]));
  const target = finalTarget(to, others);
  if (target === null || target === from) return { loop: true as const };
  const repoint = rows.filter((row) => row.from !== from && others.get(row.from) === from);
  return { loop: false as const, target, repoint };
}

const fieldError = (field: string, code: string, message: string, value?: unknown) =>
  new errors.ValidationError(`${field} ${message}`, {
    errors: [{ path: [field], message: `${field} ${message}`, name: 'ValidationError', value, code }],
  });

const rows = (strapi: Core.Strapi) => strapi.db.query(REDIRECT_UID as any);

/**
 * Checks and normalises an editor's create/update (Document Service params) before it is saved.
 * Afterwards `collapseOnto(from, target)` repoints the redirects that led to `from`.
 */
export async function prepareRedirect(strapi: Core.Strapi, action: string, params: any) {
  const data = params.data ?? {};
  const current =
    action === 'update' && params.documentId
      ? await rows(strapi).findOne({ where: { documentId: params.documentId }, select: ['from', 'to'] })
      : null;
  const resolved: Record<'from' | 'to', string> = { from: '', to: '' };
  for (const field of ['from', 'to'] as const) {
    const given = data[field] ?? current?.[field];
    const normal = normalizePath(given);
    if ('code' in normal) throw fieldError(field, normal.code, normal.message, given);
    resolved[field] = normal.path;
    if (data[field] !== undefined) data[field] = normal.path;
  }
  const { from, to } = resolved;
  if (from === to)
    throw fieldError('to', 'redirect_loop', 'must differ from "from": a redirect to itself is a loop', to);
  const all = (await rows(strapi).findMany({ select: ['id', 'documentId', 'from', 'to'] })) as RedirectRow[];
  const existing = all.filter((row) => row.documentId !== params.documentId);
  if (existing.some((row) => row.from === from))
    throw fieldError('from', 'unique', `"${from}" is already redirected: edit that redirect instead`, from);
  const plan = planRedirect(existing, from, to);
  if (plan.loop)
    throw fieldError(
      'to',
      'redirect_loop',
      `"${to}" leads back to "${from}" through other redirects: that would be a loop. Remove or change one of them first.`,
      to,
    );
  // a→b while b→c exists: stored as a→c
  if (plan.target !== to) data.to = plan.target;
  return { from, target: plan.target };
}

/** Every redirect that led to `from` now leads to `target` (one hop). */
export async function collapseOnto(strapi: Core.Strapi, from: string, target: string) {
  await rows(strapi).updateMany({ where: { to: from, from: { $ne: target } }, data: { to: target } });
}

/** Published slugs of one document by locale. */
export async function publishedSlugs(strapi: Core.Strapi, uid: string, documentId: string) {
  const entries = (await strapi.db
    .query(uid as any)
    .findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale', 'slug'] })) as Array<{
    locale: string;
    slug: string | null;
  }>;
  return new Map(entries.filter((entry) => entry.slug).map((entry) => [entry.locale, entry.slug as string]));
}

/**
 * After a publish: for each locale whose published slug changed, the old path → the new one
 * (chains collapsed, the now live path no longer redirected).
 */
export async function recordSlugChanges(
  strapi: Core.Strapi,
  uid: string,
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
) {
  for (const [locale, oldSlug] of before) {
    const newSlug = after.get(locale);
    if (!newSlug || newSlug === oldSlug) continue;
    const from = sitePath(uid, locale, oldSlug);
    const to = sitePath(uid, locale, newSlug);
    if (!from || !to || from === to) continue;
    await recordRedirect(strapi, from, to);
    strapi.log.info(`Redirect recorded: ${from} → ${to} (${uid}, slug changed)`);
  }
}

/** Old path → new path through the Document Service (so prepareRedirect and collapseOnto run, and the site rebuilds). */
export async function recordRedirect(strapi: Core.Strapi, from: string, to: string) {
  // the new path is live: nothing may redirect away from it any more (so the new redirect cannot loop)
  await rows(strapi).deleteMany({ where: { from: to } });
  const same = (await rows(strapi).findOne({ where: { from }, select: ['documentId'] })) as RedirectRow | null;
  const documents = strapi.documents(REDIRECT_UID as any);
  const data = { to, reason: 'slug-change' } as any;
  if (same?.documentId) await documents.update({ documentId: same.documentId, data });
  else await documents.create({ data: { ...data, from } });
}
