import type { Locale } from '../consts';

/** Words of the site's own templates (the content itself comes from the CMS). */
export const SITE_STRINGS = {
  en: {
    insights: 'Insights',
    insightsIntro: 'Articles on B2B lead generation, marketing operations and sales alignment.',
    readMore: 'Read article',
    by: 'By',
    category: 'Category',
    allCategories: 'All topics',
    newer: 'Newer articles',
    older: 'Older articles',
    page: 'Page',
    noArticles: 'No articles yet.',
    dateLocale: 'en-GB',
    whitepapers: 'Whitepapers',
    whitepapersIntro: 'Playbooks and guides for B2B marketing and sales teams, free to download.',
    noWhitepapers: 'No whitepapers yet.',
    viewWhitepaper: 'Get the whitepaper',
    pages: 'pages',
    topics: 'Topics',
    freeDownload: 'Download the PDF',
    formIntro: 'Tell us where to send it: we email you a personal download link.',
  },
  de: {
    insights: 'Insights',
    insightsIntro: 'Artikel zu B2B-Leadgenerierung, Marketing Operations und der Zusammenarbeit mit dem Vertrieb.',
    readMore: 'Artikel lesen',
    by: 'Von',
    category: 'Kategorie',
    allCategories: 'Alle Themen',
    newer: 'Neuere Artikel',
    older: 'Ältere Artikel',
    page: 'Seite',
    noArticles: 'Noch keine Artikel.',
    dateLocale: 'de-DE',
    whitepapers: 'Whitepaper',
    whitepapersIntro: 'Playbooks und Leitfäden für B2B-Marketing- und Vertriebsteams, kostenlos zum Herunterladen.',
    noWhitepapers: 'Noch keine Whitepaper.',
    viewWhitepaper: 'Whitepaper anfordern',
    pages: 'Seiten',
    topics: 'Themen',
    freeDownload: 'PDF herunterladen',
    formIntro: 'Sagen Sie uns, wohin wir es schicken sollen: Sie erhalten einen persönlichen Download-Link per E-Mail.',
  },
} satisfies Record<Locale, Record<string, string>>;

export function formatDate(lang: Locale, date: string | null | undefined): string | undefined {
  if (!date) return undefined;
  const parsed = new Date(date);
  if (Number.isNaN(parsed.getTime())) return undefined;
  return new Intl.DateTimeFormat(SITE_STRINGS[lang].dateLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}
