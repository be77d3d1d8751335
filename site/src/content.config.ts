/**
 * Site content from the CMS (Strapi REST API, published entries, every locale). The schemas
 * follow cms/src/api/* and cms/src/components/*; optional fields in the CMS are nullish here,
 * so an editor leaving one empty never breaks the build.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { pluginList, strapiCollection, strapiSingle } from './loaders/strapi';

import {
  authorShape,
  blocks,
  categoryShape,
  link,
  localized,
  media,
  meetingTypeShape,
  sectionSchema,
  seo,
  text,
  webinarShape,
  whitepaperShape,
} from './lib/schemas';
export type { Section } from './lib/schemas';

/** One populate fragment per section type: every media and nested component of each. */
export const SECTION_POPULATE = {
  'populate[sections][on][sections.hero][populate]': '*',
  'populate[sections][on][sections.rich-text][populate]': '*',
  'populate[sections][on][sections.call-to-action][populate]': '*',
  'populate[sections][on][sections.feature-grid][populate][features][populate]': '*',
  'populate[sections][on][sections.testimonial][populate]': '*',
  'populate[sections][on][sections.faq][populate]': '*',
  'populate[sections][on][sections.logo-cloud][populate]': '*',
  'populate[sections][on][sections.webinar-list][populate]': '*',
  'populate[sections][on][sections.whitepaper-teaser][populate]': '*',
  'populate[sections][on][sections.booking-widget][populate]': '*',
  'populate[sections][on][sections.contact-form][populate]': '*',
};

const pages = defineCollection({
  loader: strapiCollection({ resource: 'pages', query: { ...SECTION_POPULATE, 'populate[seo][populate]': '*' } }),
  schema: z.object({
    ...localized,
    title: z.string(),
    slug: z.string(),
    sections: z.array(sectionSchema).nullish(),
    seo: seo.nullish(),
  }),
});

/** An article with its cover, author, category and SEO (also the preview server's query). */
export const ARTICLE_POPULATE = {
  'populate[cover]': true,
  'populate[author][populate]': '*',
  'populate[category]': true,
  'populate[seo][populate]': '*',
};

const articles = defineCollection({
  // the one collection that grows into the thousands: kept between builds, only changes fetched
  loader: strapiCollection({
    resource: 'articles',
    query: { ...ARTICLE_POPULATE, sort: 'publishedDate:desc' },
    incremental: { related: ['authors', 'categories'] },
  }),
  schema: z.object({
    ...localized,
    title: z.string(),
    slug: z.string(),
    excerpt: text,
    body: blocks.nullish(),
    cover: media.nullish(),
    author: z.object(authorShape).nullish(),
    category: z.object(categoryShape).nullish(),
    publishedDate: text,
    seo: seo.nullish(),
  }),
});

const categories = defineCollection({
  loader: strapiCollection({ resource: 'categories' }),
  schema: z.object(categoryShape),
});

const global = defineCollection({
  loader: strapiSingle({
    resource: 'global',
    query: {
      'populate[navigation]': true,
      'populate[footerLinks]': true,
      'populate[socialLinks]': true,
      'populate[defaultSeo][populate]': '*',
    },
  }),
  schema: z.object({
    ...localized,
    siteName: z.string(),
    tagline: text,
    navigation: z.array(link).nullish(),
    footerLinks: z.array(link).nullish(),
    defaultSeo: seo.nullish(),
    socialLinks: z.array(z.object({ platform: z.string(), url: z.string() })).nullish(),
    cookieConsentText: text,
    cookieConsentVersion: text,
  }),
});

/** Published whitepapers per locale from the whitepapers plugin's public API (not the REST API of the content type). */
const whitepapers = defineCollection({
  loader: pluginList({ name: 'whitepapers', path: '/api/whitepapers/papers' }),
  schema: z.object(whitepaperShape),
});

/** Published webinars per locale from the webinars plugin's public API: upcoming first, then past ones. */
const webinars = defineCollection({
  loader: pluginList({
    name: 'webinars',
    path: '/api/webinars/webinars',
    variants: [
      { query: { when: 'upcoming' }, extra: { past: false } },
      { query: { when: 'past' }, extra: { past: true } },
    ],
  }),
  schema: z.object(webinarShape),
});

/** Active meeting types per locale from the booking plugin's public API. */
const meetingTypes = defineCollection({
  loader: pluginList({ name: 'meeting-types', path: '/api/booking/meeting-types' }),
  schema: z.object(meetingTypeShape),
});

export const collections = { pages, articles, categories, global, whitepapers, webinars, meetingTypes };
