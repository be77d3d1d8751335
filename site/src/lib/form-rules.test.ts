import { describe, expect, it } from 'vitest';
import { checkLeadFields, problemForCode, requirableFields, serverFieldProblems, utmFromSearch } from './form-rules';

describe('checkLeadFields', () => {
  it('accepts a complete lead', () => {
    expect(
      checkLeadFields(
        { email: 'ada@example.com', firstName: "Zoë O'Neil-Smith", phone: '+49 (30) 123-45/6', country: 'de' },
        ['firstName'],
      ),
    ).toEqual({});
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

describe('serverFieldProblems', () => {
  it("maps the codes of Strapi validation details to the site's problems per field path, first error wins, never the server's message", () => {
    const payload = {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: '3 errors',
        details: {
          errors: [
            { path: ['company'], message: 'company is required for this whitepaper', code: 'required' },
            { path: ['consent', 'dataProcessing'], message: 'must be accepted', code: 'not_allowed' },
            { path: ['company'], message: 'second', code: 'too_long' },
            { path: ['email'], message: 'email must be a valid email', code: 'invalid_email' },
          ],
        },
      },
    };
    expect(serverFieldProblems(payload)).toEqual({
      company: 'required',
      'consent.dataProcessing': 'consent',
      email: 'email',
    });
  });

  it.each([
    ['firstName', 'invalid_format', 'name'],
    ['phone', 'invalid_format', 'phone'],
    ['country', 'invalid_format', 'country'],
    ['message', 'too_long', 'tooLong'],
    ['message', 'invalid_text', 'invalid'],
    ['answers.q1', 'required', 'required'],
    ['email', undefined, 'invalid'],
    ['email', 'a code from a newer server', 'invalid'],
  ])('words %s with code %s as %s', (path, code, problem) => {
    expect(problemForCode(path, code)).toBe(problem);
  });

  it('copes with answers that are not validation errors', () => {
    expect(serverFieldProblems(null)).toEqual({});
    expect(serverFieldProblems({ error: { details: {} } })).toEqual({});
  });
});
