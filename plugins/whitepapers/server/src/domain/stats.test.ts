import { describe, expect, it } from 'vitest';
import { whitepaperStats } from './stats';

describe('whitepaperStats', () => {
  it('is all zero without records', () => {
    expect(whitepaperStats([])).toEqual({
      requests: 0,
      converted: 0,
      conversionRate: 0,
      downloads: 0,
      days: [],
      topSources: [],
    });
  });

  it('counts requests by request day and downloads by the day the link was first used', () => {
    const stats = whitepaperStats([
      {
        requestedAt: '2026-03-01T10:00:00Z',
        firstDownloadedAt: '2026-03-02T09:00:00Z',
        downloadCount: 3,
        utmSource: 'linkedin',
      },
      { requestedAt: '2026-03-01T11:00:00Z', firstDownloadedAt: null, downloadCount: 0, utmSource: 'linkedin' },
      {
        requestedAt: '2026-03-02T08:00:00Z',
        firstDownloadedAt: '2026-03-02T08:01:00Z',
        downloadCount: 1,
        utmSource: null,
      },
      { requestedAt: '2026-03-02T08:30:00Z', firstDownloadedAt: null, downloadCount: 0, utmSource: 'newsletter' },
    ]);
    expect(stats.requests).toBe(4);
    expect(stats.converted).toBe(2);
    expect(stats.conversionRate).toBe(0.5);
    expect(stats.downloads).toBe(4);
    expect(stats.days).toEqual([
      { day: '2026-03-01', requests: 2, downloads: 0 },
      { day: '2026-03-02', requests: 2, downloads: 2 },
    ]);
    expect(stats.topSources).toEqual([
      { source: 'linkedin', requests: 2, converted: 1 },
      { source: '(direct)', requests: 1, converted: 1 },
      { source: 'newsletter', requests: 1, converted: 0 },
    ]);
  });
});
