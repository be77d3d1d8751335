import { describe, expect, it } from 'vitest';
import { localSiteOrigins, withLocalSiteOrigins } from './site-origins.mjs';

describe('local site origins', () => {
  it('names the site by localhost and by 127.0.0.1', () => {
    expect(localSiteOrigins(4321)).toEqual(['http://localhost:4321', 'http://127.0.0.1:4321']);
  });

  it.each([
    [undefined, 4321, 'http://localhost:4321,http://127.0.0.1:4321'],
    ['', 5000, 'http://localhost:5000,http://127.0.0.1:5000'],
    ['https://www.example.com', 4321, 'https://www.example.com,http://localhost:4321,http://127.0.0.1:4321'],
    ['http://localhost:4321', 4321, 'http://localhost:4321,http://127.0.0.1:4321'],
    [
      ' https://a.example , https://b.example ',
      4321,
      'https://a.example,https://b.example,http://localhost:4321,http://127.0.0.1:4321',
    ],
  ])('adds both local names to %j for port %i', (configured, port, expected) => {
    expect(withLocalSiteOrigins(configured, port)).toBe(expected);
  });
});
