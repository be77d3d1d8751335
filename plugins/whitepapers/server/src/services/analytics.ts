import type { Core } from '@strapi/strapi';

/**
 * This plugin's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011): tables of
 * counts for the filter's range and locale, grouped in PostgreSQL. No contact data.
 */
export interface AnalyticsFilter {
  from: string;
  to: string;
  /** `all` or a configured locale code */
  locale: string;
  /** the range as instants, [start, end) */
  start: Date;
  end: Date;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sections(filter: AnalyticsFilter) {
    const knex = strapi.db.connection;
    const query = knex('whitepapers_downloads')
      .where('requested_at', '>=', filter.start)
      .andWhere('requested_at', '<', filter.end)
      .select('whitepaper', knex.raw('max(whitepaper_title) as title'))
      .select(knex.raw('count(*) as requests'), knex.raw('count(first_downloaded_at) as downloaded'), knex.raw('coalesce(sum(download_count), 0) as downloads'))
      .groupBy('whitepaper')
      .orderBy([{ column: 'requests', order: 'desc' }, { column: 'whitepaper' }]);
    if (filter.locale !== 'all') query.andWhere('language', filter.locale);
    const rows = await query;
    return [
      {
        name: 'requests',
        title: 'Whitepapers: requests vs downloads',
        description: 'Requests in the range, how many of them were downloaded, and all downloads of their links',
        columns: [
          { key: 'title', label: 'Whitepaper', kind: 'text' },
          { key: 'requests', label: 'Requests', kind: 'count' },
          { key: 'downloaded', label: 'Downloaded', kind: 'count' },
          { key: 'rate', label: 'Download rate', kind: 'percent' },
          { key: 'downloads', label: 'Downloads', kind: 'count' },
        ],
        rows: rows.map((row: any) => {
          const requests = Number(row.requests);
          const downloaded = Number(row.downloaded);
          return { title: row.title ?? row.whitepaper, requests, downloaded, rate: requests > 0 ? Math.round((downloaded / requests) * 10_000) / 10_000 : 0, downloads: Number(row.downloads) };
        }),
      },
    ];
  },
});
