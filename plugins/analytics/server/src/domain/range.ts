/**
 * The dashboard's filter: a range of whole UTC days, a locale and a bucket size. Pure, so the
 * rules (defaults, limits, what counts as a day) are tested without a CMS.
 */
export const ALL_LOCALES = 'all';
export const INTERVALS = ['day', 'week'] as const;
/** `all`, or one of the locales configured in Strapi's i18n (the leads `locales` service) */
export type Locale = string;
export type Interval = (typeof INTERVALS)[number];

export interface AnalyticsRange {
  /** first day, YYYY-MM-DD (UTC), inclusive */
  from: string;
  /** last day, YYYY-MM-DD (UTC), inclusive */
  to: string;
  locale: Locale;
  interval: Interval;
  /** half-open instant range for SQL: [start, end) */
  start: Date;
  end: Date;
}

/** Longer ranges are a report, not a dashboard: two years of daily buckets is already 731 points. */
export const MAX_DAYS = 731;
export const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface RangeIssue {
  path: string;
  message: string;
}

export const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** A real calendar day (2031-02-30 is not), as midnight UTC; null otherwise. */
export function parseDay(value: string): Date | null {
  if (!ISO_DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || toDay(date) !== value ? null : date;
}

const single = (value: unknown): unknown => (Array.isArray(value) ? Symbol('array') : value);

/**
 * Reads from/to/locale/interval from a query string. Defaults: the last 30 days up to `today`,
 * all locales, daily buckets. Returns the issues instead of throwing, so the caller picks the error type.
 */
export function parseRange(
  query: Record<string, unknown>,
  locales: readonly string[],
  today: Date = new Date(),
): { range: AnalyticsRange } | { issues: RangeIssue[] } {
  const issues: RangeIssue[] = [];
  const text = (name: string): string | undefined => {
    const value = single(query[name]);
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') {
      issues.push({ path: name, message: `${name} must be a single value` });
      return undefined;
    }
    return value;
  };
  const toText = text('to');
  const fromText = text('from');
  const localeText = text('locale') ?? ALL_LOCALES;
  const intervalText = text('interval') ?? 'day';

  const to = toText === undefined ? parseDay(toDay(today)) : parseDay(toText);
  if (!to) issues.push({ path: 'to', message: 'to must be a day as YYYY-MM-DD' });
  const from =
    fromText === undefined ? (to ? new Date(to.getTime() - (DEFAULT_DAYS - 1) * DAY_MS) : null) : parseDay(fromText);
  // a missing from follows a valid to; only a from that was sent can be wrong itself
  if (!from && fromText !== undefined) issues.push({ path: 'from', message: 'from must be a day as YYYY-MM-DD' });
  const allowed = [ALL_LOCALES, ...locales];
  if (!allowed.includes(localeText))
    issues.push({ path: 'locale', message: `locale must be one of ${allowed.join(', ')}` });
  if (!(INTERVALS as readonly string[]).includes(intervalText))
    issues.push({ path: 'interval', message: `interval must be one of ${INTERVALS.join(', ')}` });
  if (from && to) {
    if (from > to) issues.push({ path: 'from', message: 'from must not be after to' });
    else if ((to.getTime() - from.getTime()) / DAY_MS + 1 > MAX_DAYS)
      issues.push({ path: 'to', message: `the range must not be longer than ${MAX_DAYS} days` });
  }
  if (issues.length > 0 || !from || !to) return { issues };
  return {
    range: {
      from: toDay(from),
      to: toDay(to),
      locale: localeText as Locale,
      interval: intervalText as Interval,
      start: from,
      end: new Date(to.getTime() + DAY_MS),
    },
  };
}

/** The bucket helpers live in the kit, beside the time series they fill. */
export { bucketStarts, weekStart } from '@magnetiq/plugin-kit/server';
