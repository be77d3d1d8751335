import { yup } from '@strapi/utils';
import {
  COUNTRY_PATTERN,
  LEAD_FIELD_MAX as MAX,
  LEAD_FIELD_MESSAGES as MESSAGE,
  NAME_PATTERN,
  PHONE_PATTERN,
} from '../validation/lead-fields';

const optionalText = (max: number) => yup.string().trim().max(max).nullable().optional();

/** An optional text of at most `max` characters after trimming (empty = null). */
export { optionalText };

const name = (field: string) =>
  optionalText(MAX.firstName).matches(NAME_PATTERN, { message: MESSAGE.name(field), excludeEmptyString: true });

/** A required name (e.g. the booking form's first name). */
export const requiredName = (field: string) =>
  yup.string().trim().required().max(MAX.firstName).matches(NAME_PATTERN, MESSAGE.name(field));

export const utmFields = () => ({
  source: optionalText(MAX.utm),
  medium: optionalText(MAX.utm),
  campaign: optionalText(MAX.utm),
  term: optionalText(MAX.utm),
  content: optionalText(MAX.utm),
});

/**
 * The yup fields every public lead form shares (contact form, whitepaper request, booking, webinar
 * registration), to spread into the form's own `yup.object`: contact fields, consent, UTM,
 * referrer and the honeypot. The language of the request is the form's own field.
 */
export const leadFormFields = () => ({
  email: yup.string().trim().required().max(MAX.email).email(),
  firstName: name('firstName'),
  lastName: name('lastName'),
  company: optionalText(MAX.company),
  jobTitle: optionalText(MAX.jobTitle),
  phone: optionalText(MAX.phone).matches(PHONE_PATTERN, { message: MESSAGE.phone, excludeEmptyString: true }),
  country: yup
    .string()
    .trim()
    .uppercase()
    .matches(COUNTRY_PATTERN, { message: MESSAGE.country, excludeEmptyString: true })
    .nullable()
    .optional(),
  consent: yup
    .object({
      dataProcessing: yup.boolean().strict().oneOf([true], MESSAGE.consent).required(),
      marketingEmail: yup.boolean().strict().default(false),
      textVersion: yup.string().trim().required().max(MAX.consentTextVersion),
    })
    .noUnknown()
    .required(),
  utm: yup.object(utmFields()).noUnknown().default(undefined).optional(),
  referrer: optionalText(MAX.referrer),
  landingPage: optionalText(MAX.landingPage),
  // Honeypot: hidden from people by the form; bots fill it in.
  website: yup.string().max(MAX.website).nullable().optional(),
});

/** The values of `leadFormFields()` after validation (a form may leave out the optional ones, e.g. country). */
export interface LeadFormValues {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  jobTitle?: string | null;
  phone?: string | null;
  country?: string | null;
  consent: { dataProcessing: boolean; marketingEmail?: boolean; textVersion: string };
  utm?: {
    source?: string | null;
    medium?: string | null;
    campaign?: string | null;
    term?: string | null;
    content?: string | null;
  } | null;
  referrer?: string | null;
  landingPage?: string | null;
}

/**
 * What a public lead form hands the leads core's `captureLead`: its `LeadInput` fields but the
 * language, the source and the activity, which are the form's own.
 */
export function leadFormInput(form: LeadFormValues) {
  return {
    email: form.email,
    firstName: form.firstName,
    lastName: form.lastName,
    company: form.company,
    jobTitle: form.jobTitle,
    phone: form.phone,
    country: form.country,
    consent: {
      dataProcessing: form.consent.dataProcessing,
      marketingEmail: form.consent.marketingEmail,
      textVersion: form.consent.textVersion,
    },
    utm: form.utm ?? null,
    referrer: form.referrer,
    landingPage: form.landingPage,
  };
}
