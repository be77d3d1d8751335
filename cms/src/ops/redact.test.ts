import { describe, expect, it } from 'vitest';
import { maskEmail, maskIp, redact, redactFields } from './redact';

describe('redact', () => {
  it.each([
    ['lead jane.doe@example.com captured', 'lead j***@example.com captured'],
    ['GET /api/leads/confirm?token=eyJhbGciOi.abc.def (3 ms)', 'GET /api/leads/confirm?token=[redacted] (3 ms)'],
    ['GET /api/leads/unsubscribe?lang=de&token=abc123', 'GET /api/leads/unsubscribe?lang=de&token=[redacted]'],
    ['GET /api/whitepapers/download/v1.aGVsbG8gd29ybGQ.c2lnbmF0dXJl', 'GET /api/whitepapers/download/[redacted]'],
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [redacted]'],
    ['key SG.abcdefghijk.lmnopqrstu rejected', 'key SG.[redacted] rejected'],
  ])('turns %j into %j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves ordinary text and short path segments alone', () => {
    expect(redact('GET /api/pages?locale=en 200')).toBe('GET /api/pages?locale=en 200');
    expect(redact('GET /api/webinars/cancel/abc')).toBe('GET /api/webinars/cancel/abc');
  });

  it('masks every address in a string and keeps the domain', () => {
    expect(maskEmail('a@b.de, Zoe.X+tag@sub.example.org')).toBe('a***@b.de, Z***@sub.example.org');
  });

  it('redacts nested string fields and keeps numbers, booleans and errors', () => {
    const error = new Error('x');
    expect(redactFields({ to: 'max@firma.de', nested: { list: ['ok', 'b@c.io'] }, count: 3, ok: true, error })).toEqual(
      {
        to: 'm***@firma.de',
        nested: { list: ['ok', 'b***@c.io'] },
        count: 3,
        ok: true,
        error,
      },
    );
  });
});

describe('maskIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['::ffff:198.51.100.9', '198.51.100.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    [undefined, undefined],
    ['garbage', undefined],
  ])('masks %s as %s', (ip, expected) => {
    expect(maskIp(ip)).toBe(expected);
  });
});
