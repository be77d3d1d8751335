import type { Core } from '@strapi/strapi';

/**
 * This plugin's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011):
 * registrations made in the range, per webinar, with the waitlist and attendance. Counts only.
 * The attendance rate is of the people whose attendance was marked (attended / (attended + no-show)).
 */
interface AnalyticsFilter {
  /** `all` or a configured locale code */
  locale: string;
  /** the range as instants, [start, end) */
  start: Date;
  end: Date;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sections(filter: AnalyticsFilter) {
    const knex = strapi.db.connection;
    const query = knex('webinars_registrations')
      .where('registered_at', '>=', filter.start)
      .andWhere('registered_at', '<', filter.end)
      .select('webinar')
      .select(
        knex.raw('count(*) as registrations'),
        knex.raw(`count(*) filter (where status = 'waitlisted') as waitlisted`),
        knex.raw(`count(*) filter (where status = 'cancelled') as cancelled`),
        knex.raw(`count(*) filter (where status = 'attended') as attended`),
        knex.raw(`count(*) filter (where status = 'no-show') as no_show`)
      )
      .groupBy('webinar')
      .orderBy([{ column: 'registrations', order: 'desc' }, { column: 'webinar' }]);
    if (filter.locale !== 'all') query.andWhere('locale', filter.locale);
    const rows = await query;

    // titles in the filter's language where there is one, else English, else any
    const ids = rows.map((row: any) => row.webinar);
    const titles = new Map<string, string>();
    if (ids.length > 0) {
      const preferred = filter.locale === 'all' ? 'en' : filter.locale;
      const found = await knex('webinars_webinars').whereIn('document_id', ids).select('document_id', 'locale', 'title');
      for (const row of found as Array<{ document_id: string; locale: string; title: string }>) {
        if (!titles.has(row.document_id) || row.locale === preferred) titles.set(row.document_id, row.title);
      }
    }

    return [
      {
        name: 'registrations',
        title: 'Webinars: registrations, waitlist and attendance',
        description: 'Registrations made in the range per webinar; attendance rate of those marked attended or no-show',
        columns: [
          { key: 'title', label: 'Webinar', kind: 'text' },
          { key: 'registrations', label: 'Registrations', kind: 'count' },
          { key: 'waitlisted', label: 'Waitlisted', kind: 'count' },
          { key: 'cancelled', label: 'Cancelled', kind: 'count' },
          { key: 'attended', label: 'Attended', kind: 'count' },
          { key: 'noShow', label: 'No-show', kind: 'count' },
          { key: 'attendanceRate', label: 'Attendance rate', kind: 'percent' },
        ],
        rows: rows.map((row: any) => {
          const attended = Number(row.attended);
          const noShow = Number(row.no_show);
          return {
            title: titles.get(row.webinar) ?? row.webinar,
            registrations: Number(row.registrations),
            waitlisted: Number(row.waitlisted),
            cancelled: Number(row.cancelled),
            attended,
            noShow,
            attendanceRate: rate(attended, attended + noShow),
          };
        }),
      },
    ];
  },
});
