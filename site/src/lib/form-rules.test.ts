import { describe, expect, it } from 'vitest';
import { checkLeadFields, requirableFields, serverFieldErrors, utmFromSearch } from './form-rules';

describe('checkLeadFields', () => {
  it('accepts a complete lead', () => {
    expect(checkLeadFields({ email: 'ada@example.com', firstName: "Zoë O'Neil-Smith", phone: '+49 (30) 123-45/6', country: 'de' }, ['firstName'])).toEqual({});
  });

  it.each([
    ['a blank required field', { email: 'ada@example.com', company: '   ' }, ['company'], { company: 'required' }],
    ['an email without a domain dot', { email: 'ada@example' }, [], { email: 'email' }],
    ['an email with spaces', { email: 'ada lovelace@example.com' }, [], { email: 'email' }],
    ['markup in a name', { email: 'a@b.co', firstName: '<b>Ada</b>' }, [], { firstName: 'name' }],
    ['letters in a phone number', { email: 'a@b.co', phone: 'call me' }, [], { phone: 'phone' }],
    ['a country that is not two letters', { email: 'a@b.co', country: 'Germany' }, [], { country: 'tooLong' }],
    ['a company over 150 characters', { email: 'a@b.co', company: 'x'.repeat(151) }, [], { company: 'tooLong' }],
  ] as const)('reports %s', (_label, values, required, expected) => {
    expect(checkLeadFields(values, required)).toEqual(expected);
  });

  it('leaves empty optional fields alone', () => {
    expect(checkLeadFields({ email: 'a@b.co', firstName: '', phone: '' }, [])).toEqual({});
  });

  it('counts characters, not UTF-16 units, like the server', () => {
    expect(checkLeadFields({ email: 'a@b.co', company: '😀'.repeat(150) }, [])).toEqual({});
  });
});

describe('requirableFields', () => {
  it('keeps only the fields a whitepaper may require', () => {
    expect(requirableFields(['company', 'password', 'jobTitle', 'email'])).toEqual(['company', 'jobTitle']);
  });
});

describe('utmFromSearch', () => {
  it('reads the utm_ parameters of the landing URL', () => {
    expect(utmFromSearch('?utm_source=linkedin&utm_campaign=q4&x=1')).toEqual({ source: 'linkedin', campaign: 'q4' });
  });

  it('is undefined without any, and cuts long values to 200 characters', () => {
    expect(utmFromSearch('?ref=1')).toBeUndefined();
    expect(utmFromSearch(`?utm_term=${'a'.repeat(300)}`)?.term).toHaveLength(200);
  });
});

describe('serverFieldErrors', () => {
  it('maps Strapi validation details to field paths, first message wins', () => {
    const payload = {
      data: null,
      error: { status: 400, name: 'ValidationError', message: '2 errors', details: { errors: [{ path: ['company'], message: 'company is required for this whitepaper' }, { path: ['consent', 'dataProcessing'], message: 'must be accepted' }, { path: ['company'], message: 'second' }] } },
    };
    expect(serverFieldErrors(payload)).toEqual({ company: 'company is required for this whitepaper', 'consent.dataProcessing': 'must be accepted' });
  });

  it('copes with answers that are not validation errors', () => {
    expect(serverFieldErrors(null)).toEqual({});
    expect(serverFieldErrors({ error: { details: {} } })).toEqual({});
  });
});
