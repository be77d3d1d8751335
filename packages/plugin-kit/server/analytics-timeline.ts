/**
 * The time series of the lead analytics dashboard: buckets of whole UTC days or ISO weeks, every
 * bucket of the range present (zero where nothing happened). Pure, shared by the plugin that counts
 * (the leads core's `sections()`) and the dashboard that shows it (plugins/analytics).
 */
const DAY_MS = 86_400_000;

export type AnalyticsInterval = 'day' | 'week';

/** The part of a filter a time series needs: the half-open instant range and the bucket size. */
export interface BucketRange {
  start: Date;
  end: Date;
  interval: AnalyticsInterval;
}

const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** Monday of the ISO week of a day (what PostgreSQL's date_trunc('week', ...) returns). */
export function weekStart(day: Date): Date {
  const weekday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - weekday * DAY_MS);
}

/** Every bucket start of the range, so days or weeks without leads show as zero, not as a gap. */
export function bucketStarts(range: BucketRange): string[] {
  const step = range.interval === 'week' ? 7 * DAY_MS : DAY_MS;
  const first = range.interval === 'week' ? weekStart(range.start) : range.start;
  const starts: string[] = [];
  for (let time = first.getTime(); time < range.end.getTime(); time += step) starts.push(toDay(new Date(time)));
  return starts;
}

/** One row of the grouped query: a bucket start (YYYY-MM-DD), an activity type and its count. */
export interface TimelineCount {
  bucket: string;
  type: string;
  count: number;
}

export interface Timeline {
  /** every activity type seen in the range, the well-known ones first */
  types: string[];
  buckets: Array<{ bucket: string; total: number; counts: Record<string, number> }>;
}

/** The types the site captures today; others (from newer plugins) follow alphabetically. */
export const KNOWN_TYPES = ['contact-form', 'webinar-registration', 'whitepaper-download', 'booking'];

export function orderTypes(types: Iterable<string>): string[] {
  const seen = new Set(types);
  const known = KNOWN_TYPES.filter((type) => seen.has(type));
  const others = [...seen].filter((type) => !KNOWN_TYPES.includes(type)).sort();
  return [...known, ...others];
}

/** Spreads the grouped counts over every bucket of the range, zero where nothing happened. */
export function fillTimeline(range: BucketRange, counts: TimelineCount[]): Timeline {
  const types = orderTypes(counts.map((row) => row.type));
  const byBucket = new Map(
    bucketStarts(range).map((bucket) => [
      bucket,
      Object.fromEntries(types.map((type) => [type, 0])) as Record<string, number>,
    ]),
  );
  for (const row of counts) {
    const bucket = byBucket.get(row.bucket);
    // a bucket outside the range means the query and the range disagree: fail loudly in tests
    if (!bucket) throw new Error(`timeline: bucket ${row.bucket} is outside the range`);
    bucket[row.type] += row.count;
  }
  return {
    types,
    buckets: [...byBucket].map(([bucket, typeCounts]) => ({
      bucket,
      total: Object.values(typeCounts).reduce((sum, n) => sum + n, 0),
      counts: typeCounts,
    })),
  };
}
