/**
 * The lead fields' rules as the CMS checks them (plugins/leads validation/submission.ts and
 * plugins/whitepapers validation/request.ts: lengths after trimming, the name, phone and country
 * patterns), so a visitor hears about a mistake before the request. The server stays the judge:
 * its field errors are shown the same way.
 */
import { NAME_PATTERN, PHONE_PATTERN } from '@magnetiq/plugin-kit/validation';

export const LEAD_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'phone',
  'country',
  'message',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

export type Problem = 'required' | 'tooLong' | 'email' | 'name' | 'phone' | 'country';

const COUNTRY_PATTERN = /^[A-Za-z]{2}$/;
// yup 0.32's email check (the one @strapi/utils uses) wants a dot in the domain; this is its gist.
const EMAIL_PATTERN = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:_]+(\.[^\s@"<>()[\]\\,;:_.]+)+$/;

interface Rule {
  max: number;
  check?: (value: string) => Problem | undefined;
}

export const FIELD_RULES: Record<LeadField, Rule> = {
  email: { max: 254, check: (value) => (EMAIL_PATTERN.test(value) && !value.includes('..') ? undefined : 'email') },
  firstName: { max: 100, check: (value) => (NAME_PATTERN.test(value) ? undefined : 'name') },
  lastName: { max: 100, check: (value) => (NAME_PATTERN.test(value) ? undefined : 'name') },
  company: { max: 150 },
  jobTitle: { max: 150 },
  phone: { max: 40, check: (value) => (PHONE_PATTERN.test(value) ? undefined : 'phone') },
  country: { max: 2, check: (value) => (COUNTRY_PATTERN.test(value) ? undefined : 'country') },
  message: { max: 5000 },
};

/** The first problem of each field, for the fields shown; required ones must not be blank. */
export function checkLeadFields(
  values: Partial<Record<LeadField, string>>,
  required: readonly LeadField[],
): Partial<Record<LeadField, Problem>> {
  const problems: Partial<Record<LeadField, Problem>> = {};
  for (const field of LEAD_FIELDS) {
    const value = (values[field] ?? '').trim();
    if (!value) {
      if (required.includes(field)) problems[field] = 'required';
      continue;
    }
    const rule = FIELD_RULES[field];
    if ([...value].length > rule.max) problems[field] = 'tooLong';
    else {
      const problem = rule.check?.(value);
      if (problem) problems[field] = problem;
    }
  }
  return problems;
}

/** Only the contact fields a whitepaper may require (validation/request.ts REQUIRABLE_FIELDS). */
export const REQUIRABLE_FIELDS = [
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'phone',
  'country',
] as const satisfies readonly LeadField[];

export const requirableFields = (fields: readonly string[]): LeadField[] =>
  fields.filter((field): field is (typeof REQUIRABLE_FIELDS)[number] =>
    (REQUIRABLE_FIELDS as readonly string[]).includes(field),
  );

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** UTM parameters of a landing URL's query, cut to the server's 200 characters. */
export function utmFromSearch(search: string): Record<string, string> | undefined {
  const params = new URLSearchParams(search);
  const utm = Object.fromEntries(
    UTM_KEYS.flatMap((key) =>
      params.get(`utm_${key}`)?.trim() ? [[key, params.get(`utm_${key}`)!.trim().slice(0, 200)]] : [],
    ),
  );
  return Object.keys(utm).length > 0 ? utm : undefined;
}

/** What the site can say about a field the server refused (i18n/forms.ts PROBLEM_STRINGS). */
export type ServerProblem = Problem | 'consent' | 'invalid';

/**
 * The server's field error code (plugins/leads domain/field-error-codes.ts) as one of the site's
 * own problems: its English message never reaches a visitor, whatever the page's language.
 */
export function problemForCode(path: string, code: unknown): ServerProblem {
  if (path === 'consent.dataProcessing') return 'consent';
  switch (code) {
    case 'required':
      return 'required';
    case 'too_long':
      return 'tooLong';
    case 'invalid_email':
      return 'email';
    case 'invalid_format':
      if (path === 'firstName' || path === 'lastName') return 'name';
      if (path === 'phone' || path === 'country') return path;
      return 'invalid';
    default:
      return 'invalid';
  }
}

/** Strapi's ValidationError details → the site's problem per field path ("consent.dataProcessing"), first error wins. */
export function serverFieldProblems(payload: unknown): Record<string, ServerProblem> {
  const errors = (payload as { error?: { details?: { errors?: Array<{ path?: unknown; code?: unknown }> } } } | null)
    ?.error?.details?.errors;
  const fields: Record<string, ServerProblem> = {};
  for (const error of Array.isArray(errors) ? errors : []) {
    if (!Array.isArray(error.path)) continue;
    const path = error.path.join('.');
    if (path && !fields[path]) fields[path] = problemForCode(path, error.code);
  }
  return fields;
}
