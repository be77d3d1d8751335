/**
 * Stable codes for field errors in Strapi's ValidationError details (`error.details.errors[].code`).
 * The English `message` is for developers and logs; a site shows its visitors its own text for
 * the code, in the page's language. Codes are part of the public API: add, never rename.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'too_long',
  'too_short',
  'invalid_email',
  'invalid_format',
  'not_allowed',
  'invalid_type',
  'unknown_field',
  'invalid_text',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

// yup's rule names (ValidationError.type) → our codes; yup's names follow its API, not ours.
const FROM_YUP: Record<string, FieldErrorCode> = {
  required: 'required',
  defined: 'required',
  max: 'too_long',
  min: 'too_short',
  email: 'invalid_email',
  matches: 'invalid_format',
  url: 'invalid_format',
  uuid: 'invalid_format',
  oneOf: 'not_allowed',
  notOneOf: 'not_allowed',
  typeError: 'invalid_type',
  noUnknown: 'unknown_field',
};

/** The code of a failed yup rule; rules without a code of their own are `invalid`. */
export const codeForYupRule = (type: string | undefined): FieldErrorCode =>
  type && Object.hasOwn(FROM_YUP, type) ? FROM_YUP[type] : 'invalid';
