/** Zod schemas of the CMS's content types, kept apart from content.config.ts so unit tests load them. */
import { z } from 'astro/zod';

export const text = z.string().nullish();
const int = z.number().int().nullish();
const bool = z.boolean().nullish();

const imageFormat = z.object({ url: z.string(), width: z.number().nullish(), height: z.number().nullish() });
export const media = z.object({
  url: z.string(),
  alternativeText: text,
  width: z.number().nullish(),
  height: z.number().nullish(),
  formats: z.record(z.string(), imageFormat).nullish(),
});

export const link = z.object({ label: z.string(), url: z.string(), openInNewTab: bool });

export const seo = z.object({
  metaTitle: text,
  metaDescription: text,
  canonicalURL: text,
  noindex: bool,
  ogImage: media.nullish(),
});

/** Strapi's blocks editor: a tree of typed nodes; RichText.astro renders the types it knows. */
const blockNode: z.ZodType<{ type: string; [key: string]: unknown }> = z.looseObject({ type: z.string() });
export const blocks = z.array(blockNode);

const section = <Name extends string, Shape extends z.ZodRawShape>(name: Name, shape: Shape) =>
  z.object({ __component: z.literal(name), id: z.number().optional(), ...shape });

export const sectionSchema = z.discriminatedUnion('__component', [
  section('sections.hero', {
    eyebrow: text,
    heading: z.string(),
    subheading: text,
    image: media.nullish(),
    primaryCta: link.nullish(),
    secondaryCta: link.nullish(),
  }),
  section('sections.rich-text', { body: blocks.nullish() }),
  section('sections.call-to-action', {
    heading: z.string(),
    text,
    button: link.nullish(),
    variant: z.enum(['primary', 'secondary', 'subtle']).nullish(),
  }),
  section('sections.feature-grid', {
    heading: text,
    intro: text,
    columns: int,
    features: z.array(z.object({ title: z.string(), description: text, icon: text, link: link.nullish() })).nullish(),
  }),
  section('sections.testimonial', {
    quote: z.string(),
    authorName: z.string(),
    authorRole: text,
    company: text,
    photo: media.nullish(),
  }),
  section('sections.faq', {
    heading: text,
    items: z.array(z.object({ question: z.string(), answer: z.string() })).nullish(),
  }),
  section('sections.logo-cloud', { heading: text, logos: z.array(media).nullish() }),
  section('sections.webinar-list', { heading: text, intro: text, limit: int, showPast: bool, tag: text }),
  section('sections.whitepaper-teaser', { heading: text, text, whitepaperSlug: z.string(), buttonLabel: text }),
  section('sections.booking-widget', { heading: text, intro: text, meetingTypeSlug: z.string(), hostSlug: text }),
  section('sections.contact-form', {
    heading: text,
    intro: text,
    submitLabel: text,
    successMessage: text,
    showPhone: bool,
    showCompany: bool,
    askMarketingConsent: bool,
  }),
]);
export type Section = z.infer<typeof sectionSchema>;

export const localized = {
  documentId: z.string(),
  locale: z.string(),
  publishedAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
};

export const categoryShape = { ...localized, name: z.string(), slug: z.string(), description: text };
export const authorShape = {
  ...localized,
  name: z.string(),
  slug: text,
  jobTitle: text,
  bio: text,
  avatar: media.nullish(),
  linkedinUrl: text,
};

/** The whitepapers plugin's public shape (plugins/whitepapers/server/src/services/papers.ts PublicWhitepaper). */
export const whitepaperShape = {
  documentId: z.string(),
  locale: z.string(),
  title: z.string(),
  slug: z.string(),
  summary: text,
  cover: z
    .object({ url: z.string(), alternativeText: text, width: z.number().nullish(), height: z.number().nullish() })
    .nullish(),
  pageCount: int,
  topics: z.array(z.string()).nullish(),
  gated: z.boolean(),
  requiredFields: z.array(z.string()).nullish(),
  seo: z.object({ title: z.string(), description: text }).nullish(),
  publishedAt: text,
  fileUrl: text,
};

const publicMedia = z
  .object({ url: z.string(), alternativeText: text, width: z.number().nullish(), height: z.number().nullish() })
  .nullish();

/** A webinar session as the webinars plugin's public API gives it (docs/adr/0007-webinars.md). */
export const webinarSessionShape = z.object({
  documentId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  status: z.string(),
  seatsLeft: z.number().nullish(),
  full: z.boolean().nullish(),
  registrationOpen: z.boolean().nullish(),
  recordingUrl: text,
  icsUrl: text,
});

/** The webinars plugin's public webinar (GET /api/webinars/webinars); `past` is set by the loader. */
export const webinarShape = {
  documentId: z.string(),
  locale: z.string(),
  title: z.string(),
  slug: z.string(),
  summary: text,
  description: text,
  cover: publicMedia,
  topics: z.array(z.string()).nullish(),
  language: text,
  status: text,
  speakers: z.array(z.object({ name: z.string(), role: text, company: text, photo: publicMedia })).nullish(),
  seo: z.object({ title: text, description: text }).nullish(),
  url: text,
  sessions: z.array(webinarSessionShape).nullish(),
  publishedAt: text,
  past: z.boolean().nullish(),
};

/** The booking plugin's public meeting type (GET /api/booking/meeting-types). */
export const meetingTypeShape = {
  slug: z.string(),
  locale: z.string(),
  title: z.string(),
  description: text,
  durationMinutes: z.number(),
  location: text,
  locationDetails: text,
  minimumNoticeMinutes: z.number().nullish(),
  maxDaysAhead: z.number().nullish(),
  questions: z
    .array(z.object({ id: z.string(), label: z.string(), type: z.string(), required: z.boolean() }))
    .nullish(),
  hosts: z
    .array(z.object({ slug: z.string(), name: z.string(), timeZone: text, bio: text, photo: publicMedia }))
    .nullish(),
};
