import crypto from 'node:crypto';

/**
 * The admin's Preview side panel (config/admin.ts `preview`). With a preview server configured
 * (PREVIEW_URL + PREVIEW_SECRET, site/preview/, docs/adr/0028-preview-redirects-builder.md) a page,
 * an article, a webinar or a whitepaper opens there, in the status and locale shown, through a
 * signed URL that expires (PREVIEW_URL_TTL_SECONDS): the preview server renders the draft with the
 * site's components and fetches it with an API token of its own. Without one, the entry's page on
 * the static site. Pages live at /{locale}/{slug}/ (the home page at /{locale}/), articles at
 * /{locale}/insights/{slug}/, webinars and whitepapers at /{locale}/webinars|whitepapers/{slug}/.
 */
export const HOME_SLUG = 'home';

/** Content types the preview server renders, by the name its URLs use. */
export const PREVIEW_TYPES: Record<string, string> = {
  'api::page.page': 'page',
  'api::article.article': 'article',
  'plugin::webinars.webinar': 'webinar',
  'plugin::whitepapers.whitepaper': 'whitepaper',
};

/** Content types with a page of their own on the static site (the preview without a preview server). */
const SITE_PAGE_TYPES = [
  'api::page.page',
  'api::article.article',
  'api::global.global',
  'plugin::webinars.webinar',
  'plugin::whitepapers.whitepaper',
];

export interface PreviewSettings {
  url: string;
  secret: string;
  ttlSeconds: number;
}

export function previewSettings(env: NodeJS.ProcessEnv = process.env): PreviewSettings | null {
  const url = env.PREVIEW_URL?.trim() ?? '';
  const secret = env.PREVIEW_SECRET ?? '';
  if (!url || !secret) return null;
  const ttl = Number(env.PREVIEW_URL_TTL_SECONDS ?? 3600);
  return { url, secret, ttlSeconds: Number.isFinite(ttl) && ttl > 0 ? ttl : 3600 };
}

/** What the signature covers: one document, locale and status, until `expires` (unix seconds). */
export const previewSigningInput = (
  type: string,
  documentId: string,
  locale: string,
  status: string,
  expires: number,
) => [type, documentId, locale, status, String(expires)].join('\n');

/** `<PREVIEW_URL>/preview/<locale>/<type>/<documentId>/?status=…&expires=…&signature=<hex HMAC-SHA256>` */
export function signedPreviewUrl(
  settings: PreviewSettings,
  { type, documentId, locale, status }: { type: string; documentId: string; locale: string; status: string },
  nowMs = Date.now(),
): string {
  const expires = Math.floor(nowMs / 1000) + settings.ttlSeconds;
  const signature = crypto
    .createHmac('sha256', settings.secret)
    .update(previewSigningInput(type, documentId, locale, status, expires))
    .digest('hex');
  const base = settings.url.endsWith('/') ? settings.url : `${settings.url}/`;
  const url = new URL(
    `preview/${encodeURIComponent(locale)}/${encodeURIComponent(type)}/${encodeURIComponent(documentId)}/`,
    base,
  );
  url.searchParams.set('status', status);
  url.searchParams.set('expires', String(expires));
  url.searchParams.set('signature', signature);
  return url.toString();
}

export function sitePath(uid: string, locale: string, slug: string | null | undefined): string | null {
  if (uid === 'api::global.global') return `/${locale}/`;
  if (!slug) return null;
  if (uid === 'api::page.page') return slug === HOME_SLUG ? `/${locale}/` : `/${locale}/${slug}/`;
  if (uid === 'api::article.article') return `/${locale}/insights/${slug}/`;
  if (uid === 'plugin::webinars.webinar') return `/${locale}/webinars/${slug}/`;
  if (uid === 'plugin::whitepapers.whitepaper') return `/${locale}/whitepapers/${slug}/`;
  return null;
}

export function previewUrl(
  siteUrl: string,
  uid: string,
  locale: string,
  slug: string | null | undefined,
  status?: string,
): string | null {
  const path = sitePath(uid, locale, slug);
  if (!path) return null;
  const url = new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  if (status === 'draft') url.searchParams.set('preview', 'draft');
  return url.toString();
}

/** The `handler` of config/admin.ts `preview.config`. */
export const createPreviewHandler =
  (siteUrl: string, preview: PreviewSettings | null = previewSettings()) =>
  async (
    uid: string,
    { documentId, locale, status }: { documentId: string; locale?: string; status?: 'draft' | 'published' },
  ) => {
    const strapi = (globalThis as any).strapi;
    const resolvedLocale = locale || (await strapi.plugin('i18n').service('locales').getDefaultLocale()) || 'en';
    if (preview && PREVIEW_TYPES[uid] && documentId)
      return signedPreviewUrl(preview, {
        type: PREVIEW_TYPES[uid],
        documentId,
        locale: resolvedLocale,
        status: status ?? 'draft',
      });
    if (!SITE_PAGE_TYPES.includes(uid)) return null;
    let slug: string | null = null;
    if (uid !== 'api::global.global') {
      const entry = await strapi
        .documents(uid)
        .findOne({ documentId, locale: resolvedLocale, status: status ?? 'draft', fields: ['slug'] });
      slug = entry?.slug ?? null;
    }
    return previewUrl(siteUrl, uid, resolvedLocale, slug, status);
  };
