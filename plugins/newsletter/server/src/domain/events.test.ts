import { describe, expect, it } from 'vitest';
import { eventCampaign, eventEmail, eventId, eventMeaning, eventTime } from './events';

const now = new Date('2026-12-07T12:00:00Z');

describe('SendGrid events', () => {
  it.each([
    ['a hard bounce: no email at all, a delivery suppression', { event: 'bounce', type: 'bounce' }, 'all', false],
    ['a blocked bounce: marketing only', { event: 'bounce', type: 'blocked' }, 'marketing', false],
    ['a drop: marketing only', { event: 'dropped' }, 'marketing', false],
    ['a spam report: marketing, consent withdrawn', { event: 'spamreport' }, 'marketing', true],
    ['an unsubscribe: marketing, consent withdrawn', { event: 'unsubscribe' }, 'marketing', true],
    ['an open: nothing suppressed', { event: 'open' }, null, false],
  ])('%s', (_name, event, suppress, withdraw) => {
    expect(eventMeaning(event)).toMatchObject({ suppress, withdraw });
  });

  it.each([
    ['Unix seconds', { timestamp: 1_765_000_000 }, new Date(1_765_000_000_000)],
    ['none', {}, now],
    ['a string', { timestamp: '1765000000' }, now],
    ['negative', { timestamp: -1 }, now],
    ['beyond any real event (an invalid date in PostgreSQL)', { timestamp: 1e20 }, now],
    ['infinite', { timestamp: Infinity }, now],
  ])('the time of an event with %s', (_name, event, expected) => {
    expect(eventTime(event, now)).toEqual(expected);
  });

  it.each([
    ['1', 1],
    ['2147483647', 2_147_483_647],
    ['2147483648', null],
    ['99999999999', null],
    ['0', null],
    ['1e3', null],
    [' 1', null],
    [1, null],
  ])('the campaign of custom_args %j is %j', (value, expected) => {
    expect(eventCampaign({ newsletter_campaign: value })).toBe(expected);
  });

  it('refuses addresses and ids PostgreSQL cannot store or that are no address', () => {
    expect(eventEmail({ email: ' Ada@Example.COM ' })).toBe('ada@example.com');
    expect(eventEmail({ email: 'ada\u0000@example.com' })).toBeNull();
    expect(eventEmail({ email: 'ada\ud800@example.com' })).toBeNull();
    expect(eventEmail({ email: 'no-address' })).toBeNull();
    expect(eventId({ sg_event_id: 'abc' })).toBe('abc');
    expect(eventId({ sg_event_id: 'a\u0000' })).toBeNull();
    expect(eventId({ sg_event_id: 'x'.repeat(101) })).toBeNull();
    expect(eventId({ sg_event_id: 5 })).toBeNull();
  });
});
