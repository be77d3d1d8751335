import { yup } from '@strapi/utils';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { isYupSchema, yupToJsonSchema, type YupLike } from './yup-to-json-schema';

const convert = (schema: unknown) => yupToJsonSchema(schema as YupLike);

describe('yupToJsonSchema', () => {
  it.each([
    ['a trimmed, bounded string', yup.string().trim().min(2).max(5), { type: 'string', minLength: 2, maxLength: 5 }],
    ['a nullable string', yup.string().max(3).nullable(), { type: ['string', 'null'], maxLength: 3 }],
    ['an email', yup.string().email(), { type: 'string', format: 'email' }],
    ['a pattern', yup.string().matches(/^[a-z]+$/), { type: 'string', pattern: '^[a-z]+$' }],
    [
      'an enum with its default',
      yup.string().oneOf(['en', 'de']).default('en'),
      { type: 'string', enum: ['en', 'de'], default: 'en' },
    ],
    ['an integer range', yup.number().integer().min(0).max(10), { type: 'integer', minimum: 0, maximum: 10 }],
    ['a plain number', yup.number(), { type: 'number' }],
    ['a boolean that must be true', yup.boolean().strict().oneOf([true]).required(), { type: 'boolean', enum: [true] }],
    ['a date as an ISO 8601 string', yup.date(), { type: 'string', format: 'date-time' }],
    [
      'an array of enums',
      yup
        .array(yup.string().oneOf(['a', 'b']).required())
        .min(1)
        .max(3),
      { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, minItems: 1, maxItems: 3 },
    ],
    ['a mixed value: any JSON', yup.mixed(), {}],
  ])('converts %s', (_name, schema, expected) => {
    expect(convert(schema)).toEqual(expected);
  });

  it('lists required fields and refuses unknown keys after noUnknown()', () => {
    const schema = yup.object({ email: yup.string().required(), note: yup.string().optional() }).noUnknown();
    expect(convert(schema)).toEqual({
      type: 'object',
      properties: { email: { type: 'string' }, note: { type: 'string' } },
      required: ['email'],
      additionalProperties: false,
    });
  });

  it('keeps unknown keys open without noUnknown()', () => {
    expect(convert(yup.object({ a: yup.string() }))).not.toHaveProperty('additionalProperties');
  });

  it('turns a custom test into prose with the field name in place of ${path}', () => {
    const zone = yup.object({ timeZone: yup.string().test('iana', '${path} must be an IANA time zone', () => true) });
    expect((convert(zone).properties as Record<string, { description?: string }>).timeZone.description).toBe(
      'timeZone must be an IANA time zone',
    );
  });

  it('takes meta({ jsonSchema }) in place of what yup cannot say', () => {
    const answers = yup.mixed().meta({ jsonSchema: { type: 'object', additionalProperties: { type: 'string' } } });
    expect(convert(answers)).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
  });

  it('marks a field deprecated with meta({ deprecated: true })', () => {
    expect(convert(yup.string().meta({ deprecated: true }))).toEqual({ type: 'string', deprecated: true });
  });

  it('recognises yup schemas and nothing else', () => {
    expect(isYupSchema(yup.string())).toBe(true);
    expect(isYupSchema({ type: 'string' })).toBe(false);
    expect(isYupSchema(null)).toBe(false);
  });

  // the converted schema must accept what yup accepts and refuse what it refuses, for the rules
  // JSON Schema can express (a Unicode pattern included: ajv compiles patterns with the u flag)
  const form = yup
    .object({
      email: yup.string().required().max(254).email(),
      firstName: yup
        .string()
        .max(100)
        .matches(/^[\p{L}\p{M}' .-]*$/u)
        .nullable()
        .optional(),
      locale: yup.string().oneOf(['en', 'de']).default('en'),
      consent: yup
        .object({ dataProcessing: yup.boolean().strict().oneOf([true]).required() })
        .noUnknown()
        .required(),
    })
    .noUnknown()
    .required();
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  const validate = ajv.compile(convert(form));

  it.each([
    [
      'a complete form',
      { email: 'ada@example.com', firstName: 'Zoë', locale: 'de', consent: { dataProcessing: true } },
      true,
    ],
    ['a null optional name', { email: 'ada@example.com', firstName: null, consent: { dataProcessing: true } }, true],
    ['a missing email', { consent: { dataProcessing: true } }, false],
    ['an unknown locale', { email: 'ada@example.com', locale: 'fr', consent: { dataProcessing: true } }, false],
    ['consent refused', { email: 'ada@example.com', consent: { dataProcessing: false } }, false],
    ['an unknown key', { email: 'ada@example.com', consent: { dataProcessing: true }, admin: true }, false],
    ['markup in a name', { email: 'ada@example.com', firstName: '<b>', consent: { dataProcessing: true } }, false],
  ])('agrees with yup on %s', async (_name, body, valid) => {
    expect(validate(body)).toBe(valid);
    expect(await form.isValid(body, { strict: true })).toBe(valid);
  });
});
