import { describe, expect, it } from 'vitest';
import { proxySettings } from './trust-proxy';

describe('proxySettings', () => {
  it.each([
    [undefined, { koa: false }],
    ['', { koa: false }],
    ['false', { koa: false }],
    ['0', { koa: false }],
    ['true', { koa: true }],
    ['TRUE', { koa: true }],
    ['1', { koa: true, maxIpsCount: 1 }],
    [' 2 ', { koa: true, maxIpsCount: 2 }],
  ])('reads TRUST_PROXY=%j', (value, expected) => {
    expect(proxySettings(value)).toEqual(expected);
  });

  it.each(['yes', '-1', '1.5', 'one', '01'])('refuses TRUST_PROXY=%j with the variable named', (value) => {
    expect(() => proxySettings(value)).toThrow(/TRUST_PROXY/);
  });
});
