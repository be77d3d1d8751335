import { describe, expect, it } from 'vitest';
import { emailDomain, maskEmail, normaliseEmail } from './email-address';

describe('normaliseEmail', () => {
  it.each([
    ['  Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['JANE@EXAMPLE.DE', 'jane@example.de'],
    ['\tjane@example.com\n', 'jane@example.com'],
    ['jane+news@example.com', 'jane+news@example.com'],
  ])('turns %j into %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it('treats a composed and a decomposed umlaut as the same address', () => {
    expect(normaliseEmail('J\u0075\u0308rgen@example.de')).toBe(normaliseEmail('J\u00fcrgen@example.de'));
  });
});

describe('emailDomain', () => {
  it('returns the part after the last @', () => expect(emailDomain('a@b@example.com')).toBe('example.com'));
  it('returns an empty string without @', () => expect(emailDomain('nobody')).toBe(''));
});

describe('maskEmail', () => {
  it('keeps the first letter and the domain only', () =>
    expect(maskEmail('jane@example.com')).toBe('j***@example.com'));
  it('hides garbage entirely', () => expect(maskEmail('garbage')).toBe('***'));
});
