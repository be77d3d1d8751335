import { describe, expect, it } from 'vitest';
// the leads core's strict check, as the controller gets it through strapi.plugin('leads').service('forms')
import { strictValidator } from '../../../../leads/server/src/validation/strict';
import { assertRequiredFields, requestValidator } from './request';

const validateRequest = requestValidator(strictValidator);

const valid = {
  whitepaper: 'abcdefghij0123456789abcd',
  email: ' Ada@Example.com ',
  company: 'Engines Ltd',
  consent: { dataProcessing: true, textVersion: 'v1' },
};

describe('validateRequest', () => {
  it('accepts a minimal request and fills the defaults', async () => {
    const request = await validateRequest(valid);
    expect(request.email).toBe('Ada@Example.com');
    // the controller fills in the default locale (leads `locales` service)
    expect(request.locale).toBeUndefined();
  });

  it.each([
    ['an unknown top-level field', { ...valid, role: 'admin' }, /role is not a known field/],
    [
      'an object where the paper id belongs (was a 500: found by fuzzing)',
      { ...valid, whitepaper: {} },
      /whitepaper must be a string/,
    ],
    ['an array where the email belongs', { ...valid, email: ['a@b.de'] }, /email must be a string/],
    ['an unknown nested field', { ...valid, consent: { ...valid.consent, extra: 1 } }, /consent.extra/],
    [
      'consent not given',
      { ...valid, consent: { dataProcessing: false, textVersion: 'v1' } },
      /consent.dataProcessing/,
    ],
    ['a paper id with markup', { ...valid, whitepaper: '<script>' }, /document id/],
    ['a locale longer than any code', { ...valid, locale: 'x'.repeat(40) }, /locale/],
  ])('rejects %s', async (_label, body, message) => {
    await expect(validateRequest(body)).rejects.toThrow(message);
  });
});

describe('assertRequiredFields', () => {
  it('passes when every field the paper requires is filled', async () => {
    expect(() => assertRequiredFields({ ...valid, jobTitle: 'CTO' } as any, ['company', 'jobTitle'])).not.toThrow();
  });

  it('names every missing field, blank ones included', () => {
    expect(() => assertRequiredFields({ ...valid, company: '  ' } as any, ['company', 'jobTitle'])).toThrow(
      'Missing required fields: company, jobTitle',
    );
  });
});
