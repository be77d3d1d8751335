import { errors, validateYupSchema, yup } from '@strapi/utils';

/** The shape of a locale code; the controllers check it against the configured locales (leads `locales` service). */
const localeCode = () => yup.string().trim().max(35).optional();
/** Contact fields a whitepaper may require besides the email. */
export const REQUIRABLE_FIELDS = ['firstName', 'lastName', 'company', 'jobTitle', 'phone', 'country'] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

const optionalText = (max: number) => yup.string().trim().max(max).nullable().optional();
const NAME_PATTERN = /^[\p{L}\p{M}' .\-]*$/u;
const PHONE_PATTERN = /^[+0-9 ()\-/.]*$/;
const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

const utm = yup
  .object({ source: optionalText(200), medium: optionalText(200), campaign: optionalText(200), term: optionalText(200), content: optionalText(200) })
  .noUnknown()
  .default(undefined)
  .optional();

export const requestSchema = yup
  .object({
    whitepaper: yup.string().trim().required().matches(DOCUMENT_ID, 'whitepaper must be a document id'),
    locale: localeCode(),
    email: yup.string().trim().required().max(254).email(),
    firstName: optionalText(100).matches(NAME_PATTERN, { message: 'firstName may contain letters, spaces, dots, apostrophes and hyphens only', excludeEmptyString: true }),
    lastName: optionalText(100).matches(NAME_PATTERN, { message: 'lastName may contain letters, spaces, dots, apostrophes and hyphens only', excludeEmptyString: true }),
    company: optionalText(150),
    jobTitle: optionalText(150),
    phone: optionalText(40).matches(PHONE_PATTERN, { message: 'phone may contain digits, spaces and + ( ) - / . only', excludeEmptyString: true }),
    country: yup.string().trim().uppercase().matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO code', excludeEmptyString: true }).nullable().optional(),
    consent: yup
      .object({
        dataProcessing: yup.boolean().strict().oneOf([true], 'consent.dataProcessing must be accepted').required(),
        marketingEmail: yup.boolean().strict().default(false),
        textVersion: yup.string().trim().required().max(100),
      })
      .noUnknown()
      .required(),
    utm,
    referrer: optionalText(2000),
    landingPage: optionalText(2000),
    // Honeypot: hidden from people by the form; bots fill it in.
    website: yup.string().max(500).nullable().optional(),
  })
  .noUnknown()
  .required();

export type WhitepaperRequest = yup.InferType<typeof requestSchema>;

/**
 * The request's validator, built on the leads core's strict check (unknown keys and non-strings
 * are a 400, not stripped or a 500), then yup with casting.
 */
export const requestValidator = (strict: (schema: typeof requestSchema) => (body: unknown) => Promise<unknown>) =>
  strict(requestSchema) as (body: unknown) => Promise<WhitepaperRequest>;

/** The whitepaper's own required fields, checked after the shape. */
export function assertRequiredFields(request: WhitepaperRequest, required: readonly string[]) {
  const missing = required.filter((field): field is RequirableField => (REQUIRABLE_FIELDS as readonly string[]).includes(field) && !String(request[field as RequirableField] ?? '').trim());
  if (missing.length > 0) {
    throw new errors.ValidationError(`Missing required field${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, {
      errors: missing.map((field) => ({ path: [field], message: `${field} is required for this whitepaper`, name: 'ValidationError', value: null, code: 'required' })),
    });
  }
}

/** Admin input for a whitepaper (the file is uploaded separately). */
export const whitepaperInputSchema = yup
  .object({
    locale: localeCode(),
    title: yup.string().trim().required().max(300),
    slug: yup.string().trim().required().max(200).matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase words joined by hyphens'),
    summary: optionalText(2000),
    pageCount: yup.number().integer().min(1).nullable().optional(),
    topics: yup.array(yup.string().trim().max(60).required()).max(20).optional(),
    gated: yup.boolean().default(true),
    requiredFields: yup.array(yup.string().oneOf([...REQUIRABLE_FIELDS]).required()).optional(),
    seoTitle: optionalText(70),
    seoDescription: optionalText(200),
    publish: yup.boolean().default(false),
  })
  .noUnknown();

export type WhitepaperInput = yup.InferType<typeof whitepaperInputSchema>;
export const validateWhitepaperInput = validateYupSchema(whitepaperInputSchema, { strict: false, abortEarly: false }) as (body: unknown) => Promise<WhitepaperInput>;
