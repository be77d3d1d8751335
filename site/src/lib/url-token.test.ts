import { describe, expect, it } from 'vitest';
import { addressWithout } from './url-token';

describe('addressWithout', () => {
  it.each([
    ['https://site.example/en/booking/manage?token=abc.def', '/en/booking/manage'],
    ['https://site.example/de/booking/manage?lang=de&token=abc&x=1#top', '/de/booking/manage?lang=de&x=1#top'],
    ['https://site.example/en/booking/manage?token=a&token=b', '/en/booking/manage'],
    ['https://site.example/en/booking/manage', '/en/booking/manage'],
  ])('takes the token out of %s', (href, expected) => {
    expect(addressWithout(href, 'token')).toBe(expected);
  });
});
