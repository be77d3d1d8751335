import { yup } from '@strapi/utils';
import { DOCUMENT_ID, SLUG_PATTERN } from '@magnetiq/plugin-kit/server';

const localeCode = () => yup.string().trim().required().max(35);
const text = (max: number) => yup.string().trim().max(max);
const url = () =>
  yup
    .string()
    .trim()
    .required()
    .max(2000)
    .matches(/^https?:\/\/[^\s]+$/i, 'must be an http(s) URL');
const list = (item: yup.StringSchema, max = 50) => yup.array(item).max(max).optional();
const isoDate = () =>
  yup
    .string()
    .trim()
    .matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'must be an ISO 8601 date')
    .optional();

export const topicSchema = yup
  .object({
    slug: yup
      .string()
      .trim()
      .required()
      .max(60)
      .matches(SLUG_PATTERN, 'slug must be lowercase words joined by hyphens'),
    locale: localeCode(),
    name: text(120).required(),
    description: text(500).nullable().optional(),
    position: yup.number().integer().min(0).max(10_000).optional(),
  })
  .noUnknown()
  .required();

export const segmentFilterSchema = yup
  .object({
    topics: list(yup.string().trim().required().max(60).matches(SLUG_PATTERN, 'topic must be a slug')),
    languages: list(yup.string().trim().required().max(35)),
    sources: list(yup.string().trim().required().max(60)),
    utmSources: list(yup.string().trim().required().max(200)),
    utmMediums: list(yup.string().trim().required().max(200)),
    utmCampaigns: list(yup.string().trim().required().max(200)),
    whitepapers: list(yup.string().trim().required().matches(DOCUMENT_ID, 'must be a document id')),
    webinars: list(yup.string().trim().required().matches(DOCUMENT_ID, 'must be a document id')),
    booked: yup.boolean().strict().optional(),
    confirmedFrom: isoDate(),
    confirmedBefore: isoDate(),
    criteria: yup
      .array(
        yup
          .object({
            name: yup.string().trim().required().max(60).matches(SLUG_PATTERN, 'criterion must be a slug'),
            values: list(yup.string().trim().required().max(200), 100).required(),
          })
          .noUnknown()
          .required(),
      )
      .max(20)
      .optional(),
  })
  .noUnknown()
  .required();

export const segmentSchema = yup
  .object({ name: text(120).required(), filter: segmentFilterSchema })
  .noUnknown()
  .required();

const block = yup
  .object({
    type: yup.string().oneOf(['text', 'image', 'button', 'article']).required(),
    text: text(20_000).when('type', { is: 'text', then: (s) => s.required(), otherwise: (s) => s.strip() }),
    url: yup.string().when('type', { is: (t: string) => t !== 'text', then: () => url(), otherwise: (s) => s.strip() }),
    alt: text(300).when('type', { is: 'image', then: (s) => s.default(''), otherwise: (s) => s.strip() }),
    href: yup
      .string()
      .when('type', { is: 'image', then: () => url().notRequired().nullable(), otherwise: (s) => s.strip() }),
    label: text(120).when('type', { is: 'button', then: (s) => s.required(), otherwise: (s) => s.strip() }),
    title: text(300).when('type', { is: 'article', then: (s) => s.required(), otherwise: (s) => s.strip() }),
    summary: text(2000).when('type', {
      is: 'article',
      then: (s) => s.nullable().optional(),
      otherwise: (s) => s.strip(),
    }),
    imageUrl: yup
      .string()
      .when('type', { is: 'article', then: () => url().notRequired().nullable(), otherwise: (s) => s.strip() }),
  })
  .noUnknown();

const variant = yup
  .object({
    subject: text(200).required(),
    preheader: text(200).nullable().optional(),
    blocks: yup.array(block).min(1).max(100).required(),
  })
  .noUnknown();

export const campaignSchema = yup
  .object({
    name: text(200).required(),
    /** en/de (every configured locale): one variant per language */
    variants: yup.lazy((value: unknown) =>
      yup
        .object(
          Object.fromEntries(
            Object.keys(value && typeof value === 'object' && !Array.isArray(value) ? value : {})
              .slice(0, 20)
              .map((locale) => [locale, variant.required()]),
          ),
        )
        .noUnknown()
        .required()
        .test('variants', 'at least one language variant', (given) => Boolean(given) && Object.keys(given).length > 0),
    ),
    defaultLocale: localeCode(),
    segment: yup.number().integer().min(1).nullable().optional(),
  })
  .noUnknown()
  .required();

export const variantSchema = variant;

export const scheduleSchema = yup
  .object({
    at: yup
      .string()
      .trim()
      .required()
      .matches(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO 8601 instant'),
  })
  .noUnknown()
  .required();

export const testSendSchema = yup
  .object({ email: yup.string().trim().email().max(254).required(), locale: yup.string().trim().max(35).optional() })
  .noUnknown()
  .required();

export const settingsSchema = yup
  .object({ physicalAddress: text(500).required().min(10) })
  .noUnknown()
  .required();

export const suppressionSchema = yup
  .object({ email: yup.string().trim().lowercase().email().max(254).required() })
  .noUnknown()
  .required();
