import { describe, expect, it } from 'vitest';
import { codeForYupRule, FIELD_ERROR_CODES } from './field-error-codes';

describe('codeForYupRule', () => {
  it.each([
    ['required', 'required'],
    ['max', 'too_long'],
    ['min', 'too_short'],
    ['email', 'invalid_email'],
    ['matches', 'invalid_format'],
    ['oneOf', 'not_allowed'],
    ['typeError', 'invalid_type'],
    ['noUnknown', 'unknown_field'],
    ['a rule a plugin made up', 'invalid'],
    [undefined, 'invalid'],
    ['constructor', 'invalid'],
  ])('names the yup rule %s as %s', (rule, code) => {
    expect(codeForYupRule(rule)).toBe(code);
    expect(FIELD_ERROR_CODES).toContain(code);
  });
});
