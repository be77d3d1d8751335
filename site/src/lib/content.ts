/** Lookups over the CMS collections shared by the pages: paths, counterparts, globals. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { CMS_PUBLIC_URL, LOCALES, type Locale } from '../consts';

export type Page = CollectionEntry<'pages'>['data'];
export type Article = CollectionEntry<'articles'>['data'];
export type Category = CollectionEntry<'categories'>['data'];
export type Global = CollectionEntry<'global'>['data'];
export type Media = NonNullable<Article['cover']>;
export type Alternates = Partial<Record<Locale, string>>;

export const HOME_SLUG = 'home';
export const ARTICLES_PER_PAGE = 9;

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

export const pagePath = (lang: string, slug: string) => (slug === HOME_SLUG ? `/${lang}/` : `/${lang}/${slug}/`);
export const articlePath = (lang: string, slug: string) => `/${lang}/insights/${slug}/`;
export const categoryPath = (lang: string, slug: string) => `/${lang}/insights/category/${slug}/`;
export const insightsPath = (lang: string) => `/${lang}/insights/`;

/** Media URLs from the local upload provider are relative to the CMS; S3 ones are absolute. */
export function mediaUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${CMS_PUBLIC_URL.replace(/\/+$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** Only links a visitor can safely follow: http(s), mailto, tel, or a path on this site. */
export function safeHref(url: string | null | undefined): string {
  if (!url) return '#';
  const trimmed = url.trim();
  if (/^(https?:|mailto:|tel:)/i.test(trimmed)) return trimmed;
  if (/^[/#?]/.test(trimmed) && !trimmed.startsWith('//')) return trimmed;
  return '#';
}

export async function pagesIn(lang: Locale): Promise<Page[]> {
  return (await getCollection('pages', (entry) => entry.data.locale === lang)).map((entry) => entry.data);
}

export async function articlesIn(lang: Locale): Promise<Article[]> {
  const entries = (await getCollection('articles', (entry) => entry.data.locale === lang)).map((entry) => entry.data);
  // newest first; the date is optional in the CMS, then the publication time decides
  const when = (article: Article) => article.publishedDate ?? article.publishedAt ?? '';
  return entries.sort((a, b) => when(b).localeCompare(when(a)));
}

export async function categoriesIn(lang: Locale): Promise<Category[]> {
  return (await getCollection('categories', (entry) => entry.data.locale === lang)).map((entry) => entry.data);
}

export async function globalFor(lang: Locale): Promise<Global | undefined> {
  return (await getEntry('global', lang))?.data;
}

/**
 * Paths of one document in every locale it exists in: Strapi 5 gives all localizations of a
 * document the same documentId.
 */
export async function alternatesOf(collection: 'pages' | 'articles' | 'categories', documentId: string): Promise<Alternates> {
  const entries = await getCollection(collection, (entry) => entry.data.documentId === documentId);
  const toPath = { pages: pagePath, articles: articlePath, categories: categoryPath }[collection];
  return Object.fromEntries(entries.filter((entry) => isLocale(entry.data.locale)).map((entry) => [entry.data.locale, toPath(entry.data.locale, entry.data.slug)]));
}

/** Plain text of Strapi blocks, for descriptions and feeds. */
export function blocksText(nodes: ReadonlyArray<{ type: string; [key: string]: unknown }> | null | undefined): string {
  const walk = (node: { [key: string]: unknown }): string =>
    typeof node.text === 'string' ? node.text : Array.isArray(node.children) ? node.children.map(walk).join('') : '';
  return (nodes ?? []).map(walk).join(' ').replace(/\s+/g, ' ').trim();
}
