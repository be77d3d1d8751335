import { bucketStarts, type AnalyticsRange } from './range';

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
export function fillTimeline(
  range: Pick<AnalyticsRange, 'start' | 'end' | 'interval'>,
  counts: TimelineCount[],
): Timeline {
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
