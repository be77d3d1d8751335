import { errors, validateYupSchema, yup } from '@strapi/utils';
import { DOCUMENT_ID, entryFields, leadFormFields, optionalText } from '@magnetiq/plugin-kit/server';

/** The shape of a locale code; the controllers check it against the configured locales (leads `locales` service). */
const localeCode = () => yup.string().trim().max(35).optional();
/** Contact fields a whitepaper may require besides the email. */
export const REQUIRABLE_FIELDS = ['firstName', 'lastName', 'company', 'jobTitle', 'phone', 'country'] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

export const requestSchema = yup
  .object({
    whitepaper: yup.string().trim().required().matches(DOCUMENT_ID, 'whitepaper must be a document id'),
    locale: localeCode(),
    ...leadFormFields(),
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
  const missing = required.filter(
    (field): field is RequirableField =>
      (REQUIRABLE_FIELDS as readonly string[]).includes(field) &&
      !String(request[field as RequirableField] ?? '').trim(),
  );
  if (missing.length > 0) {
    throw new errors.ValidationError(`Missing required field${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, {
      errors: missing.map((field) => ({
        path: [field],
        message: `${field} is required for this whitepaper`,
        name: 'ValidationError',
        value: null,
        code: 'required',
      })),
    });
  }
}

/** Admin input for a whitepaper (the file is uploaded separately). */
export const whitepaperInputSchema = yup
  .object({
    locale: localeCode(),
    ...entryFields(),
    summary: optionalText(2000),
    pageCount: yup.number().integer().min(1).nullable().optional(),
    topics: yup.array(yup.string().trim().max(60).required()).max(20).optional(),
    gated: yup.boolean().default(true),
    requiredFields: yup
      .array(
        yup
          .string()
          .oneOf([...REQUIRABLE_FIELDS])
          .required(),
      )
      .optional(),
    seoTitle: optionalText(70),
    seoDescription: optionalText(200),
    publish: yup.boolean().default(false),
  })
  .noUnknown();

export type WhitepaperInput = yup.InferType<typeof whitepaperInputSchema>;
export const validateWhitepaperInput = validateYupSchema(whitepaperInputSchema, {
  strict: false,
  abortEarly: false,
}) as (body: unknown) => Promise<WhitepaperInput>;
