/** Paths and URL rules of the site, free of Astro imports so unit tests can load them. */
import { CMS_PUBLIC_URL, type Locale } from '../consts';

export const HOME_SLUG = 'home';
export const ARTICLES_PER_PAGE = 9;

/** A BCP 47 tag as Strapi's i18n stores it (`fr`, `pt-BR`); which ones exist is the CMS's data (lib/locales.ts). */
export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/.test(value);

export const pagePath = (lang: string, slug: string) => (slug === HOME_SLUG ? `/${lang}/` : `/${lang}/${slug}/`);
export const articlePath = (lang: string, slug: string) => `/${lang}/insights/${slug}/`;
export const categoryPath = (lang: string, slug: string) => `/${lang}/insights/category/${slug}/`;
export const insightsPath = (lang: string) => `/${lang}/insights/`;
/** The whitepapers plugin links here ("request a new link"), in both locales: keep the segment. */
export const whitepapersPath = (lang: string) => `/${lang}/whitepapers/`;
export const whitepaperPath = (lang: string, slug: string) => `/${lang}/whitepapers/${slug}/`;
/** WEBINARS_PAGE_PATH in the CMS is /{locale}/webinars/{slug}: the emails and the ICS link here. */
export const webinarsPath = (lang: string) => `/${lang}/webinars/`;
export const webinarPath = (lang: string, slug: string) => `/${lang}/webinars/${slug}/`;
/** One booking page per meeting type; `manage` is taken by the page the booking emails link to (BOOKING_MANAGE_PATH). */
export const bookingPath = (lang: string, slug: string) => `/${lang}/booking/${slug}/`;
export const bookingManagePath = (lang: string) => `/${lang}/booking/manage/`;

/** Media URLs from the local upload provider are relative to the CMS; S3 ones are absolute. */
export function mediaUrl(url: string): string {
  return /^https?:\/\//.test(url)
    ? url
    : `${CMS_PUBLIC_URL.replace(/\/+$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** Only links a visitor can safely follow: http(s), mailto, tel, or a path on this site. */
export function safeHref(url: string | null | undefined): string {
  if (!url) return '#';
  const trimmed = url.trim();
  if (/^(https?:|mailto:|tel:)/i.test(trimmed)) return trimmed;
  if (/^[/#?]/.test(trimmed) && !trimmed.startsWith('//')) return trimmed;
  return '#';
}

/** Plain text of Strapi blocks, for descriptions and feeds. */
export function blocksText(nodes: ReadonlyArray<{ type: string; [key: string]: unknown }> | null | undefined): string {
  const walk = (node: { [key: string]: unknown }): string =>
    typeof node.text === 'string' ? node.text : Array.isArray(node.children) ? node.children.map(walk).join('') : '';
  return (nodes ?? []).map(walk).join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The webinar description is markdown; the site shows its paragraphs and "- " lists as text
 * (Astro escapes it), without a markdown library and without any HTML from the CMS.
 */
export function plainMarkdownBlocks(markdown: string | null | undefined): Array<{ list: boolean; lines: string[] }> {
  return (markdown ?? '')
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0)
    .flatMap((lines) => {
      const items = lines.filter((line) => /^[-*]\s+/.test(line));
      if (items.length === 0) return [{ list: false, lines: [lines.join(' ').replace(/[*_`#]+/g, '')] }];
      const intro = lines.filter((line) => !/^[-*]\s+/.test(line));
      return [
        ...(intro.length ? [{ list: false, lines: [intro.join(' ').replace(/[*_`#]+/g, '')] }] : []),
        { list: true, lines: items.map((line) => line.replace(/^[-*]\s+/, '').replace(/[*_`]+/g, '')) },
      ];
    });
}
