import { describe, expect, it } from 'vitest';
import { addressPattern } from './address-pattern';

const finds = (email: string, text: string) => new RegExp(addressPattern(email), 'i').test(text);

describe('addressPattern', () => {
  it.each([
    ['a JSON value', '{"to":"ann@example.com","data":{}}'],
    ['an ICS attendee', 'ATTENDEE;CN=Ann:mailto:ann@example.com\r\n'],
    ['the end of a sentence', 'Please write to ann@example.com.'],
    ['angle brackets', 'Ann <ann@example.com>'],
    ['other letter case', 'ANN@Example.COM wrote'],
    ['the whole text', 'ann@example.com'],
  ])('finds the address in %s', (_where, text) => expect(finds('ann@example.com', text)).toBe(true));

  it.each([
    ['a longer local part', 'joann@example.com'],
    ['a dotted local part', 'jo.ann@example.com'],
    ['a plus address of someone else', 'x+ann@example.com'],
    ['a longer domain', 'ann@example.com.au'],
    ['a sub-domain continuation', 'ann@example.company.test'],
    ['a hyphenated domain', 'ann@example.com-mail.test'],
  ])('does not find it inside %s', (_what, text) => expect(finds('ann@example.com', text)).toBe(false));

  it('escapes characters that mean something in a pattern', () => {
    expect(finds('a.b+c@example.com', 'to a.b+c@example.com')).toBe(true);
    expect(finds('a.b+c@example.com', 'to aXb+c@example.com')).toBe(false);
    expect(finds('a.b+c@example.com', 'to a.bbc@example.com')).toBe(false);
  });
});
