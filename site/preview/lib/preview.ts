/**
 * The preview server's side of the signed preview URL (cms/src/content/preview.ts signs it) and
 * the draft fetch. The API token (CMS_API_TOKEN / CMS_API_TOKEN_FILE) stays in this process: the
 * browser gets rendered HTML only.
 */
import crypto from 'node:crypto';
import { ARTICLE_POPULATE, collections, SECTION_POPULATE } from '../../src/content.config';
import { cmsGet } from '../../src/loaders/strapi';

export const PREVIEW_TYPES = ['page', 'article', 'webinar', 'whitepaper'] as const;
export type PreviewType = (typeof PREVIEW_TYPES)[number];
export const STATUSES = ['draft', 'published'] as const;

/** Why a preview URL is refused (null: it is valid now). */
export function previewUrlProblem(
  { type, documentId, locale, status, expires, signature }: Record<string, string | null | undefined>,
  secret: string | undefined,
  nowMs = Date.now(),
): string | null {
  if (!secret) return 'the preview server has no PREVIEW_SECRET';
  if (!type || !documentId || !locale || !status || !expires || !signature) return 'incomplete preview link';
  const expiresAt = Number(expires);
  if (!Number.isInteger(expiresAt)) return 'incomplete preview link';
  const expected = crypto
    .createHmac('sha256', secret)
    .update([type, documentId, locale, status, expires].join('\n'))
    .digest('hex');
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, Buffer.from(expected)))
    return 'this preview link is not signed by the CMS';
  if (expiresAt * 1000 < nowMs) return 'this preview link has expired: open the preview from the admin again';
  return null;
}

/**
 * Where each type's entry is read and which of the site's schemas checks it. Pages and articles:
 * the REST API (drafts with an API token: cms/src/content/published-only.ts). Webinars and
 * whitepapers: their plugin's preview read (`/api/<plugin>/preview/:documentId`, API tokens only),
 * in the shape of the plugin's public answer that the static build reads.
 */
const SOURCES: Record<PreviewType, { path: string; query: Record<string, string | boolean>; schema: unknown }> = {
  page: {
    path: '/api/pages/',
    query: { ...SECTION_POPULATE, 'populate[seo][populate]': '*' },
    schema: collections.pages.schema,
  },
  article: { path: '/api/articles/', query: ARTICLE_POPULATE, schema: collections.articles.schema },
  webinar: { path: '/api/webinars/preview/', query: {}, schema: collections.webinars.schema },
  whitepaper: { path: '/api/whitepapers/preview/', query: {}, schema: collections.whitepapers.schema },
};

/** The entry in the given status and locale, checked by the same schema the static build uses; null when there is none. */
export async function fetchEntry(type: PreviewType, documentId: string, locale: string, status: string) {
  const { path, query, schema } = SOURCES[type];
  let answer: { data: Record<string, unknown> | null };
  try {
    answer = await cmsGet(`${path}${encodeURIComponent(documentId)}`, { ...query, locale, status });
  } catch (error) {
    if (/answered 404/.test((error as Error).message)) return null;
    throw error;
  }
  if (!answer.data) return null;
  return (schema as { parse: (data: unknown) => unknown }).parse({ ...answer.data, locale });
}
