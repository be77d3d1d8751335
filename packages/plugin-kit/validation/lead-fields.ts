/**
 * The rules of the lead fields every public form shares, as plain data: the CMS builds its yup
 * fields from them (@magnetiq/plugin-kit/server leadFormFields) and the site's form islands check
 * the same rules in the browser (site/src/lib/form-rules.ts). Lengths count after trimming.
 */

/** Letters (any script), spaces, apostrophes, dots and hyphens: names, not markup or URLs. */
export const NAME_PATTERN = /^[\p{L}\p{M}' .-]*$/u;
/** Digits, spaces and + ( ) - / . */
export const PHONE_PATTERN = /^[+0-9 ()\-/.]*$/;
/** A two-letter ISO 3166 code (the server upper-cases it first). */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
/** URL-safe slugs of papers, webinars, meeting types and hosts. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const LEAD_FIELD_MAX = {
  email: 254,
  firstName: 100,
  lastName: 100,
  company: 150,
  jobTitle: 150,
  phone: 40,
  country: 2,
  message: 5000,
  utm: 200,
  referrer: 2000,
  landingPage: 2000,
  consentTextVersion: 100,
  website: 500,
} as const;

export const LEAD_FIELD_MESSAGES = {
  name: (field: string) => `${field} may contain letters, spaces, dots, apostrophes and hyphens only`,
  phone: 'phone may contain digits, spaces and + ( ) - / . only',
  country: 'country must be a two-letter ISO code',
  consent: 'consent.dataProcessing must be accepted',
} as const;
