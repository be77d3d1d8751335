/** JSON-LD (schema.org) for the pages: Organization, Article, BreadcrumbList. */
import type { Article, Global, Media, Webinar, Whitepaper } from './content';
import { mediaUrl } from './urls';

/** JSON inside <script>: `<` escaped so no CMS text can close the script element. */
export const jsonLdScript = (data: object) =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export function organizationLd(global: Global | undefined, site: URL, fallbackName: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: global?.siteName ?? fallbackName,
    url: site.toString(),
    logo: new URL('/favicon.svg', site).toString(),
    ...(global?.tagline ? { slogan: global.tagline } : {}),
    ...(global?.socialLinks?.length ? { sameAs: global.socialLinks.map((social) => social.url) } : {}),
  };
}

export function articleLd(article: Article, url: string, global: Global | undefined, site: URL, fallbackName: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: article.title,
    ...(article.excerpt ? { description: article.excerpt } : {}),
    ...(article.cover ? { image: [mediaUrl(article.cover.url)] } : {}),
    ...(article.publishedDate
      ? { datePublished: article.publishedDate }
      : article.publishedAt
        ? { datePublished: article.publishedAt }
        : {}),
    ...(article.updatedAt ? { dateModified: article.updatedAt } : {}),
    inLanguage: article.locale,
    mainEntityOfPage: url,
    ...(article.author
      ? {
          author: {
            '@type': 'Person',
            name: article.author.name,
            ...(article.author.jobTitle ? { jobTitle: article.author.jobTitle } : {}),
            ...(article.author.linkedinUrl ? { sameAs: [article.author.linkedinUrl] } : {}),
          },
        }
      : {}),
    publisher: {
      '@type': 'Organization',
      name: global?.siteName ?? fallbackName,
      logo: { '@type': 'ImageObject', url: new URL('/favicon.svg', site).toString() },
    },
  };
}

export function breadcrumbLd(items: Array<{ name: string; path: string }>, site: URL) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: new URL(item.path, site).toString(),
    })),
  };
}

/** Largest rendition first is wasteful: srcset from Strapi's formats, the original as fallback. */
export function srcsetOf(image: Media): string | undefined {
  const candidates = Object.values(image.formats ?? {})
    .filter((format) => format.width)
    .map((format) => ({ url: mediaUrl(format.url), width: format.width! }));
  if (image.width) candidates.push({ url: mediaUrl(image.url), width: image.width });
  if (candidates.length < 2) return undefined;
  return candidates
    .sort((a, b) => a.width - b.width)
    .map((candidate) => `${candidate.url} ${candidate.width}w`)
    .join(', ');
}

/** A whitepaper as a schema.org DigitalDocument (a PDF, free, gated or not). */
export function whitepaperLd(paper: Whitepaper, url: string, global: Global | undefined, fallbackName: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DigitalDocument',
    name: paper.title,
    ...(paper.summary ? { description: paper.summary } : {}),
    ...(paper.cover ? { image: mediaUrl(paper.cover.url) } : {}),
    ...(paper.topics?.length ? { keywords: paper.topics.join(', ') } : {}),
    ...(paper.publishedAt ? { datePublished: paper.publishedAt } : {}),
    encodingFormat: 'application/pdf',
    isAccessibleForFree: true,
    inLanguage: paper.locale,
    url,
    publisher: { '@type': 'Organization', name: global?.siteName ?? fallbackName },
  };
}

/** One schema.org Event per session of a webinar, held online. */
export function webinarEventsLd(webinar: Webinar, url: string, global: Global | undefined, fallbackName: string) {
  return (webinar.sessions ?? []).map((session) => ({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: webinar.title,
    ...(webinar.summary ? { description: webinar.summary } : {}),
    ...(webinar.cover ? { image: [mediaUrl(webinar.cover.url)] } : {}),
    startDate: session.startsAt,
    endDate: session.endsAt,
    eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
    eventStatus:
      session.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    location: { '@type': 'VirtualLocation', url },
    inLanguage: webinar.language ?? webinar.locale,
    isAccessibleForFree: true,
    organizer: { '@type': 'Organization', name: global?.siteName ?? fallbackName },
    ...(webinar.speakers?.length
      ? { performer: webinar.speakers.map((speaker) => ({ '@type': 'Person', name: speaker.name })) }
      : {}),
    offers: {
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'EUR',
      url,
      availability: session.full ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
    },
  }));
}
