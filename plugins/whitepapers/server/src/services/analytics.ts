import type { Core } from '@strapi/strapi';
import { analyticsColumns, groupedCounts, rate, tableOf } from '@magnetiq/plugin-kit/server';
import type { AnalyticsFilter, AnalyticsTable } from '@magnetiq/plugin-kit/server';
import { UID } from '../utils';

/**
 * This plugin's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011): tables of
 * counts for the filter's range and locale, grouped in PostgreSQL. No contact data.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]> {
    const rows = await groupedCounts(strapi.db.connection, filter, {
      table: tableOf(strapi.getModel(UID.download)),
      at: 'requested_at',
      localeColumn: 'language',
      groupBy: 'whitepaper',
      title: 'max(whitepaper_title)',
      counts: {
        requests: 'count(*)',
        downloaded: 'count(first_downloaded_at)',
        downloads: 'coalesce(sum(download_count), 0)',
      },
    });
    return [
      {
        name: 'requests',
        title: 'Whitepapers: requests vs downloads',
        description: 'Requests in the range, how many of them were downloaded, and all downloads of their links',
        columns: analyticsColumns`
          title text Whitepaper
          requests count Requests
          downloaded count Downloaded
          rate percent Download rate
          downloads count Downloads
        `,
        rows: rows.map(({ group, title, ...n }) => ({
          title: title ?? group,
          ...n,
          rate: rate(n.downloaded, n.requests),
        })),
      },
    ];
  },
});
