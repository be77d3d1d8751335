/** Lookups over the CMS collections shared by the pages: paths, counterparts, globals. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Locale } from '../consts';

export type Page = CollectionEntry<'pages'>['data'];
export type Article = CollectionEntry<'articles'>['data'];
export type Category = CollectionEntry<'categories'>['data'];
export type Global = CollectionEntry<'global'>['data'];
export type Media = NonNullable<Article['cover']>;
export type Whitepaper = CollectionEntry<'whitepapers'>['data'];
export type Webinar = CollectionEntry<'webinars'>['data'];
export type WebinarSession = NonNullable<Webinar['sessions']>[number];
export type MeetingType = CollectionEntry<'meetingTypes'>['data'];
export type Alternates = Partial<Record<Locale, string>>;

export {
  HOME_SLUG,
  ARTICLES_PER_PAGE,
  isLocale,
  pagePath,
  articlePath,
  categoryPath,
  insightsPath,
  whitepapersPath,
  whitepaperPath,
  webinarsPath,
  webinarPath,
  bookingPath,
  bookingManagePath,
  mediaUrl,
  safeHref,
  blocksText,
  plainMarkdownBlocks,
} from './urls';
import { isLocale, pagePath, articlePath, categoryPath, whitepaperPath, webinarPath } from './urls';

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

/** Newest first, as the plugin lists them. */
export async function whitepapersIn(lang: Locale): Promise<Whitepaper[]> {
  const papers = (await getCollection('whitepapers', (entry) => entry.data.locale === lang)).map((entry) => entry.data);
  return papers.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
}

/** Upcoming webinars (soonest session first), then past ones (latest first), as the plugin orders them. */
export async function webinarsIn(lang: Locale): Promise<Webinar[]> {
  const all = (await getCollection('webinars', (entry) => entry.data.locale === lang)).map((entry) => entry.data);
  const first = (webinar: Webinar) =>
    webinar.sessions?.find((session) => session.status === 'scheduled' && Date.parse(session.endsAt) > Date.now())
      ?.startsAt ?? '';
  const last = (webinar: Webinar) =>
    webinar.sessions
      ?.map((session) => session.startsAt)
      .sort()
      .at(-1) ?? '';
  const upcoming = all.filter((webinar) => !webinar.past).sort((a, b) => first(a).localeCompare(first(b)));
  const past = all.filter((webinar) => webinar.past).sort((a, b) => last(b).localeCompare(last(a)));
  return [...upcoming, ...past];
}

export async function meetingTypesIn(lang: Locale): Promise<MeetingType[]> {
  return (await getCollection('meetingTypes', (entry) => entry.data.locale === lang)).map((entry) => entry.data);
}

export async function globalFor(lang: Locale): Promise<Global | undefined> {
  return (await getEntry('global', lang))?.data;
}

/**
 * Paths of one document in every locale it exists in: Strapi 5 gives all localizations of a
 * document the same documentId.
 */
export async function alternatesOf(
  collection: 'pages' | 'articles' | 'categories' | 'whitepapers' | 'webinars',
  documentId: string,
): Promise<Alternates> {
  const entries = await getCollection(collection, (entry) => entry.data.documentId === documentId);
  const toPath = {
    pages: pagePath,
    articles: articlePath,
    categories: categoryPath,
    whitepapers: whitepaperPath,
    webinars: webinarPath,
  }[collection];
  return Object.fromEntries(
    entries
      .filter((entry) => isLocale(entry.data.locale))
      .map((entry) => [entry.data.locale, toPath(entry.data.locale, entry.data.slug)]),
  );
}
