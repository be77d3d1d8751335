import { describe, expect, it } from 'vitest';
import { contactSubmissionSchema, validateContactSubmission } from './submission';
import { shapeProblems } from './strict';

const valid = {
  email: ' Ada@Example.com ',
  message: 'Hello',
  consent: { dataProcessing: true, textVersion: 'v1' },
};

describe('shapeProblems', () => {
  it.each([
    ['a valid body', valid, []],
    ['an unknown top-level key', { ...valid, isAdmin: true }, [['isAdmin']]],
    ['an unknown nested key', { ...valid, consent: { ...valid.consent, forced: true } }, [['consent', 'forced']]],
    ['an unknown UTM key', { ...valid, utm: { source: 'x', $where: '1' } }, [['utm', '$where']]],
    ['a non-object body', 'text', []],
    [
      'a key named like an Object.prototype member',
      { ...valid, constructor: 0, toString: 'x' },
      [['constructor'], ['toString']],
    ],
    [
      'such a key nested',
      { ...valid, consent: { ...valid.consent, hasOwnProperty: 1 } },
      [['consent', 'hasOwnProperty']],
    ],
    ['an object where a string belongs', { ...valid, email: {} }, [['email']]],
    ['a key with markup, not echoed', { ...valid, '<b>x</b>': 1 }, [['?b?x??b?']]],
    ['a number where a string belongs, nested', { ...valid, utm: { source: 5 } }, [['utm', 'source']]],
  ])('finds %s', (_label, body, expected) => {
    expect(shapeProblems(contactSubmissionSchema as any, body).map((problem) => problem.path)).toEqual(expected);
  });
});

describe('validateContactSubmission', () => {
  it('casts a valid body (trims; the locale is left to the locales service, which knows the default)', async () => {
    const result = await validateContactSubmission(valid);
    expect(result.email).toBe('Ada@Example.com');
    expect(result.locale).toBeUndefined();
    expect((await validateContactSubmission({ ...valid, locale: ' fr ' })).locale).toBe('fr');
    // the deprecated name still validates (the controller marks the answer)
    expect((await validateContactSubmission({ ...valid, language: 'de' })).language).toBe('de');
  });

  it('rejects unknown fields with their paths', async () => {
    await expect(validateContactSubmission({ ...valid, role: 'admin' })).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: ['role'] })] },
    });
  });
});

describe('text hygiene in the strict validator', () => {
  it.each(['company', 'message', 'jobTitle', 'referrer', 'landingPage'])(
    'refuses a NUL in %s with the field named',
    async (field) => {
      await expect(validateContactSubmission({ ...valid, [field]: 'a\u0000b' })).rejects.toMatchObject({
        name: 'ValidationError',
        details: { errors: [expect.objectContaining({ path: [field] })] },
      });
    },
  );

  it('refuses a NUL in utm.source with the nested path', async () => {
    await expect(validateContactSubmission({ ...valid, utm: { source: 'a\u0000b' } })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['utm', 'source'] })] },
    });
  });

  it('returns text normalised to NFC', async () => {
    const result = await validateContactSubmission({
      ...valid,
      company: 'Cafe\u0301 AG',
      message: 'line 1\nline 2\ttab',
    });
    expect(result.company).toBe('Café AG');
    expect(result.message).toBe('line 1\nline 2\ttab');
  });
});

describe('field error codes', () => {
  const errorsOf = async (body: unknown) => {
    try {
      await validateContactSubmission(body);
    } catch (error) {
      return (error as { details: { errors: Array<{ path: string[]; code: string; message: string }> } }).details
        .errors;
    }
    throw new Error('accepted');
  };

  it.each([
    ['a missing email', { ...valid, email: undefined }, 'email', 'required'],
    ['an email the server refuses', { ...valid, email: 'ada@-engines.com' }, 'email', 'invalid_email'],
    ['a name with markup', { ...valid, firstName: '<b>Ada</b>' }, 'firstName', 'invalid_format'],
    ['a company too long', { ...valid, company: 'x'.repeat(151) }, 'company', 'too_long'],
    [
      'consent not given',
      { ...valid, consent: { ...valid.consent, dataProcessing: false } },
      'consent.dataProcessing',
      'not_allowed',
    ],
    ['an unknown field', { ...valid, role: 'admin' }, 'role', 'unknown_field'],
    ['an object for a string', { ...valid, company: {} }, 'company', 'invalid_type'],
    ['a NUL in a message', { ...valid, message: 'a\u0000b' }, 'message', 'invalid_text'],
  ])('gives %s a stable code beside the message and path', async (_label, body, path, code) => {
    const found = (await errorsOf(body)).find((error) => error.path.join('.') === path);
    expect(found).toMatchObject({ code, message: expect.any(String), path: path.split('.') });
  });

  it('codes every error of a body with several problems', async () => {
    const found = await errorsOf({ ...valid, email: 'nope', company: 'x'.repeat(151) });
    expect(found.map((error) => [error.path.join('.'), error.code]).sort()).toEqual([
      ['company', 'too_long'],
      ['email', 'invalid_email'],
    ]);
  });
});
