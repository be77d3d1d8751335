/**
 * The admin's Preview button: the site page of the entry. Pages live at /{locale}/{slug}/ (the
 * home page at /{locale}/), articles at /{locale}/insights/{slug}/. Drafts add ?preview=draft,
 * which a preview deployment of the site can use to fetch draft content with its API token.
 */
export const HOME_SLUG = 'home';

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
  (siteUrl: string) =>
  async (
    uid: string,
    { documentId, locale, status }: { documentId: string; locale?: string; status?: 'draft' | 'published' },
  ) => {
    const strapi = (globalThis as any).strapi;
    const resolvedLocale = locale || (await strapi.plugin('i18n').service('locales').getDefaultLocale()) || 'en';
    if (!['api::page.page', 'api::article.article', 'api::global.global'].includes(uid)) return null;
    let slug: string | null = null;
    if (uid !== 'api::global.global') {
      const entry = await strapi
        .documents(uid)
        .findOne({ documentId, locale: resolvedLocale, status: status ?? 'draft', fields: ['slug'] });
      slug = entry?.slug ?? null;
    }
    return previewUrl(siteUrl, uid, resolvedLocale, slug, status);
  };
