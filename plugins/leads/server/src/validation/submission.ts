import { yup } from '@strapi/utils';
import { strictValidator } from './strict';
import { MAX_EMAIL_LENGTH } from '../domain/email-address';
import { MAX_LOCALE_LENGTH } from '../domain/locales';

const optionalText = (max: number) => yup.string().trim().max(max).nullable().optional();

// Letters (any script), spaces, apostrophes, dots and hyphens: names, not markup or URLs.
const NAME_PATTERN = /^[\p{L}\p{M}' .\-]*$/u;
const PHONE_PATTERN = /^[+0-9 ()\-/.]*$/;

export const utmSchema = yup
  .object({
    source: optionalText(200),
    medium: optionalText(200),
    campaign: optionalText(200),
    term: optionalText(200),
    content: optionalText(200),
  })
  .noUnknown()
  .strict()
  .default(undefined)
  .optional();

/** The fields every lead form shares; other plugins extend it with their own. */
export const leadFields = {
  email: yup.string().trim().required().max(MAX_EMAIL_LENGTH).email(),
  firstName: optionalText(100).matches(NAME_PATTERN, { message: 'firstName may contain letters, spaces, dots, apostrophes and hyphens only', excludeEmptyString: true }),
  lastName: optionalText(100).matches(NAME_PATTERN, { message: 'lastName may contain letters, spaces, dots, apostrophes and hyphens only', excludeEmptyString: true }),
  company: optionalText(150),
  jobTitle: optionalText(150),
  phone: optionalText(40).matches(PHONE_PATTERN, { message: 'phone may contain digits, spaces and + ( ) - / . only', excludeEmptyString: true }),
  country: yup.string().trim().uppercase().matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO code', excludeEmptyString: true }).nullable().optional(),
  // The shape only: the `locales` service checks the code against the configured locales and
  // fills in the default (docs/adr/0022-locales-as-data.md).
  locale: yup.string().trim().max(MAX_LOCALE_LENGTH).optional(),
  /** deprecated name of `locale` (docs/api.md), accepted for one release */
  language: yup.string().trim().max(MAX_LOCALE_LENGTH).optional(),
  consent: yup
    .object({
      dataProcessing: yup.boolean().strict().oneOf([true], 'consent.dataProcessing must be accepted').required(),
      marketingEmail: yup.boolean().strict().default(false),
      textVersion: yup.string().trim().required().max(100),
    })
    .noUnknown()
    .required(),
  utm: utmSchema,
  referrer: optionalText(2000),
  landingPage: optionalText(2000),
  // Honeypot: hidden from people by the form; bots fill it in.
  website: yup.string().max(500).nullable().optional(),
};

export const contactSubmissionSchema = yup
  .object({
    ...leadFields,
    message: yup.string().trim().required().min(1).max(5000),
  })
  .noUnknown()
  .required();

export type ContactSubmission = yup.InferType<typeof contactSubmissionSchema>;

export const validateContactSubmission = strictValidator<ContactSubmission>(contactSubmissionSchema);
