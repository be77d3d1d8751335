import { describe, expect, it } from 'vitest';
import { contactSubmissionSchema, validateContactSubmission } from './submission';
import { unknownKeyPaths } from './strict';

const valid = {
  email: ' Ada@Example.com ',
  message: 'Hello',
  consent: { dataProcessing: true, textVersion: 'v1' },
};

describe('unknownKeyPaths', () => {
  it.each([
    ['a valid body', valid, []],
    ['an unknown top-level key', { ...valid, isAdmin: true }, [['isAdmin']]],
    ['an unknown nested key', { ...valid, consent: { ...valid.consent, forced: true } }, [['consent', 'forced']]],
    ['an unknown UTM key', { ...valid, utm: { source: 'x', $where: '1' } }, [['utm', '$where']]],
    ['a non-object body', 'text', []],
  ])('finds %s', (_label, body, expected) => {
    expect(unknownKeyPaths(contactSubmissionSchema as any, body)).toEqual(expected);
  });
});

describe('validateContactSubmission', () => {
  it('casts a valid body (trims, defaults the language)', async () => {
    const result = await validateContactSubmission(valid);
    expect(result.email).toBe('Ada@Example.com');
    expect(result.language).toBe('en');
  });

  it('rejects unknown fields with their paths', async () => {
    await expect(validateContactSubmission({ ...valid, role: 'admin' })).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: ['role'] })] },
    });
  });
});
