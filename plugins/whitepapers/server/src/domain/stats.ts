/** Per-whitepaper numbers for the admin, computed from download records. */
export interface DownloadRecord {
  requestedAt: Date | string;
  firstDownloadedAt: Date | string | null;
  downloadCount: number;
  utmSource: string | null;
}

export interface DayCount {
  day: string;
  requests: number;
  downloads: number;
}

export interface WhitepaperStats {
  requests: number;
  /** requests whose link was used at least once */
  converted: number;
  /** converted / requests, 0..1 (0 when there are no requests) */
  conversionRate: number;
  /** every delivered file, repeated downloads included */
  downloads: number;
  days: DayCount[];
  topSources: Array<{ source: string; requests: number; converted: number }>;
}

const day = (value: Date | string) => new Date(value).toISOString().slice(0, 10);

export const DIRECT = '(direct)';

export function whitepaperStats(records: DownloadRecord[], { topSources = 10 } = {}): WhitepaperStats {
  const days = new Map<string, DayCount>();
  const bucket = (key: string) => {
    let found = days.get(key);
    if (!found) days.set(key, (found = { day: key, requests: 0, downloads: 0 }));
    return found;
  };
  const sources = new Map<string, { source: string; requests: number; converted: number }>();
  let converted = 0;
  let downloads = 0;
  for (const record of records) {
    bucket(day(record.requestedAt)).requests += 1;
    const isConverted = record.downloadCount > 0 && record.firstDownloadedAt !== null;
    if (isConverted) {
      converted += 1;
      // a request counts as downloaded on the day its link was first used
      bucket(day(record.firstDownloadedAt!)).downloads += 1;
    }
    downloads += record.downloadCount;
    const source = record.utmSource?.trim() || DIRECT;
    const entry = sources.get(source) ?? { source, requests: 0, converted: 0 };
    entry.requests += 1;
    if (isConverted) entry.converted += 1;
    sources.set(source, entry);
  }
  return {
    requests: records.length,
    converted,
    conversionRate: records.length === 0 ? 0 : converted / records.length,
    downloads,
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    topSources: [...sources.values()]
      .sort((a, b) => b.requests - a.requests || a.source.localeCompare(b.source))
      .slice(0, topSources),
  };
}
