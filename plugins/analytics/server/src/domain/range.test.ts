import { describe, expect, it } from 'vitest';
import { bucketStarts, MAX_DAYS, parseDay, parseRange, weekStart } from './range';

const today = new Date('2031-03-15T13:45:00Z');
/** the locales configured in i18n for these cases */
const configured = ['en', 'de'];
const issuesOf = (query: Record<string, unknown>) => {
  const parsed = parseRange(query, configured, today);
  return 'issues' in parsed ? parsed.issues.map((issue) => issue.path) : [];
};

describe('parseRange', () => {
  it('defaults to the last 30 days up to today, all locales, per day', () => {
    const parsed = parseRange({}, configured, today);
    expect(parsed).toMatchObject({ range: { from: '2031-02-14', to: '2031-03-15', locale: 'all', interval: 'day' } });
  });

  it('turns whole days into a half-open UTC instant range', () => {
    const parsed = parseRange(
      { from: '2031-01-01', to: '2031-01-31', locale: 'de', interval: 'week' },
      configured,
      today,
    );
    if (!('range' in parsed)) throw new Error('expected a range');
    expect(parsed.range.start.toISOString()).toBe('2031-01-01T00:00:00.000Z');
    expect(parsed.range.end.toISOString()).toBe('2031-02-01T00:00:00.000Z');
    expect(parsed.range).toMatchObject({ locale: 'de', interval: 'week' });
  });

  it.each([
    ['a day that does not exist', { from: '2031-02-30' }, ['from']],
    ['a time instead of a day', { to: '2031-01-01T10:00:00Z' }, ['to']],
    ['from after to', { from: '2031-02-02', to: '2031-02-01' }, ['from']],
    ['a range over the limit', { from: '2029-01-01', to: '2031-01-02' }, ['to']],
    ['a locale that is not configured', { locale: 'fr' }, ['locale']],
    ['an unknown interval', { interval: 'month' }, ['interval']],
    ['a repeated parameter', { from: ['2031-01-01', '2031-01-02'] }, ['from']],
  ])('rejects %s', (_name, query, paths) => {
    expect(issuesOf(query)).toEqual(paths);
  });

  it('accepts a locale once it is configured (locales are data)', () => {
    const parsed = parseRange({ locale: 'fr' }, [...configured, 'fr'], today);
    expect('range' in parsed && parsed.range.locale).toBe('fr');
  });

  it(`accepts exactly ${MAX_DAYS} days`, () => {
    expect(issuesOf({ from: '2030-01-01', to: '2032-01-01' })).toEqual([]);
  });
});

describe('parseDay and weekStart', () => {
  it('reads only real calendar days', () => {
    expect(parseDay('2032-02-29')?.toISOString()).toBe('2032-02-29T00:00:00.000Z');
    expect(parseDay('2031-02-29')).toBeNull();
    expect(parseDay('31-01-01')).toBeNull();
  });

  it('finds the Monday of a week, as date_trunc does', () => {
    expect(weekStart(new Date('2031-01-05T00:00:00Z')).toISOString().slice(0, 10)).toBe('2030-12-30'); // a Sunday
    expect(weekStart(new Date('2031-01-06T00:00:00Z')).toISOString().slice(0, 10)).toBe('2031-01-06'); // a Monday
  });
});

describe('bucketStarts', () => {
  const range = (from: string, to: string, interval: 'day' | 'week') => ({
    start: new Date(`${from}T00:00:00Z`),
    end: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000),
    interval,
  });

  it('lists every day of the range, both ends included', () => {
    expect(bucketStarts(range('2031-01-30', '2031-02-02', 'day'))).toEqual([
      '2031-01-30',
      '2031-01-31',
      '2031-02-01',
      '2031-02-02',
    ]);
  });

  it('lists the Mondays of every week the range touches', () => {
    expect(bucketStarts(range('2031-01-01', '2031-01-14', 'week'))).toEqual(['2030-12-30', '2031-01-06', '2031-01-13']);
  });
});
