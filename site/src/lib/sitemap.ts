/** The sitemap's URLs: every page, article, category, whitepaper, webinar, booking page and index in every locale, with hreflang alternates. */
import type { Locale } from '../consts';
import { buildLocales } from './locales';
import {
  alternatesOf,
  bookingPath,
  meetingTypesIn,
  webinarPath,
  webinarsIn,
  webinarsPath,
  articlePath,
  articlesIn,
  categoriesIn,
  categoryPath,
  insightsPath,
  pagePath,
  pagesIn,
  whitepaperPath,
  whitepapersIn,
  whitepapersPath,
  type Alternates,
} from './content';

export interface SitemapUrl {
  path: string;
  lastmod?: string;
  alternates: Alternates;
}

export async function sitemapUrls(): Promise<SitemapUrl[]> {
  const urls: SitemapUrl[] = [];
  const locales = await buildLocales();
  const sameEverywhere = (toPath: (lang: Locale) => string) =>
    Object.fromEntries(locales.map((locale) => [locale, toPath(locale)])) as Alternates;
  for (const lang of locales) {
    for (const page of await pagesIn(lang)) {
      if (page.seo?.noindex) continue;
      urls.push({
        path: pagePath(lang, page.slug),
        lastmod: page.updatedAt ?? undefined,
        alternates: await alternatesOf('pages', page.documentId),
      });
    }
    // the contact route serves the contact page at /<lang>/contact/ too; only its own slug is listed
    urls.push({ path: insightsPath(lang), alternates: sameEverywhere(insightsPath) });
    for (const article of await articlesIn(lang)) {
      if (article.seo?.noindex) continue;
      urls.push({
        path: articlePath(lang, article.slug),
        lastmod: article.updatedAt ?? undefined,
        alternates: await alternatesOf('articles', article.documentId),
      });
    }
    for (const category of await categoriesIn(lang)) {
      urls.push({
        path: categoryPath(lang, category.slug),
        alternates: await alternatesOf('categories', category.documentId),
      });
    }
    urls.push({ path: whitepapersPath(lang), alternates: sameEverywhere(whitepapersPath) });
    for (const paper of await whitepapersIn(lang)) {
      urls.push({
        path: whitepaperPath(lang, paper.slug),
        lastmod: paper.publishedAt ?? undefined,
        alternates: await alternatesOf('whitepapers', paper.documentId),
      });
    }
    urls.push({ path: webinarsPath(lang), alternates: sameEverywhere(webinarsPath) });
    for (const webinar of await webinarsIn(lang)) {
      urls.push({
        path: webinarPath(lang, webinar.slug),
        lastmod: webinar.publishedAt ?? undefined,
        alternates: await alternatesOf('webinars', webinar.documentId),
      });
    }
    // a meeting type keeps its slug in every locale; the manage page is not listed (noindex)
    for (const type of await meetingTypesIn(lang)) {
      if (type.slug === 'manage') continue;
      const found = await Promise.all(
        locales.map(async (locale) =>
          (await meetingTypesIn(locale)).some((other) => other.slug === type.slug)
            ? [[locale, bookingPath(locale, type.slug)]]
            : [],
        ),
      );
      urls.push({ path: bookingPath(lang, type.slug), alternates: Object.fromEntries(found.flat()) as Alternates });
    }
  }
  return urls;
}

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sitemapXml(urls: SitemapUrl[], site: URL): string {
  const entries = urls.map((url) => {
    const alternates = Object.entries(url.alternates)
      .map(
        ([locale, path]) =>
          `    <xhtml:link rel="alternate" hreflang="${locale}" href="${escapeXml(new URL(path!, site).toString())}"/>`,
      )
      .join('\n');
    return [
      '  <url>',
      `    <loc>${escapeXml(new URL(url.path, site).toString())}</loc>`,
      ...(url.lastmod ? [`    <lastmod>${escapeXml(url.lastmod)}</lastmod>`] : []),
      ...(alternates ? [alternates] : []),
      '  </url>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
}
