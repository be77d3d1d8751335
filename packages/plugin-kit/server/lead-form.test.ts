import { yup } from '@strapi/utils';
import { describe, expect, it } from 'vitest';
import { leadFormFields, leadFormInput, requiredName } from './lead-form';

const schema = yup.object(leadFormFields()).noUnknown().required();
const valid = { email: 'ada@example.com', consent: { dataProcessing: true, textVersion: 'v1' } };
const check = (body: object) =>
  schema.validate({ ...valid, ...body }, { abortEarly: false }).then(
    () => 'ok',
    (error: { errors: string[] }) => error.errors.join('; '),
  );

describe('the lead form fields', () => {
  it.each([
    ['a plain lead', {}, 'ok'],
    ['names in any script', { firstName: 'Zoë', lastName: "O'Brien-Łukasz" }, 'ok'],
    [
      'a name with markup',
      { firstName: '<b>Ada</b>' },
      'firstName may contain letters, spaces, dots, apostrophes and hyphens only',
    ],
    ['a phone with letters', { phone: '+49 call me' }, 'phone may contain digits, spaces and + ( ) - / . only'],
    ['a phone with its signs', { phone: '+49 (30) 123-45/6.7' }, 'ok'],
    ['a three-letter country', { country: 'deu' }, 'country must be a two-letter ISO code'],
    ['a lower-case country', { country: 'de' }, 'ok'],
    ['a company of 151 characters', { company: 'x'.repeat(151) }, 'company must be at most 150 characters'],
    [
      'consent not given',
      { consent: { dataProcessing: false, textVersion: 'v1' } },
      'consent.dataProcessing must be accepted',
    ],
  ])('%s: %s', async (_name, body, expected) => {
    expect(await check(body)).toBe(expected);
  });

  it('requires a name where the form does', async () => {
    await expect(requiredName('firstName').validate('')).rejects.toThrow('is a required field');
    await expect(requiredName('firstName').validate('Ada')).resolves.toBe('Ada');
  });
});

describe('leadFormInput', () => {
  it("hands the leads core the form's contact, consent, UTM and page fields, and nothing else", () => {
    const form = {
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: null,
      company: 'Engines',
      phone: '+44 20',
      country: 'GB',
      consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v2' },
      utm: { source: 'news' },
      referrer: 'https://example.org/',
      landingPage: '/en/',
      website: '',
      message: 'not a lead field',
    };
    expect(leadFormInput(form)).toEqual({
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: null,
      company: 'Engines',
      jobTitle: undefined,
      phone: '+44 20',
      country: 'GB',
      consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v2' },
      utm: { source: 'news' },
      referrer: 'https://example.org/',
      landingPage: '/en/',
    });
    expect(Object.keys(leadFormInput(form))).not.toContain('website');
    expect(leadFormInput({ ...form, utm: undefined }).utm).toBeNull();
  });
});
