import type { Core } from '@strapi/strapi';
import { analyticsColumns, countWhere, groupedCounts, rate } from '@magnetiq/plugin-kit/server';
import type { AnalyticsFilter, AnalyticsTable } from '@magnetiq/plugin-kit/server';

/**
 * This plugin's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011):
 * registrations made in the range, per webinar, with the waitlist and attendance. Counts only.
 * The attendance rate is of the people whose attendance was marked (attended / (attended + no-show)).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]> {
    const knex = strapi.db.connection;
    const withStatus = (status: string) => countWhere(`status = '${status}'`);
    const rows = await groupedCounts(knex, filter, {
      table: 'webinars_registrations',
      at: 'registered_at',
      localeColumn: 'locale',
      groupBy: 'webinar',
      counts: {
        registrations: 'count(*)',
        waitlisted: withStatus('waitlisted'),
        cancelled: withStatus('cancelled'),
        attended: withStatus('attended'),
        noShow: withStatus('no-show'),
      },
    });

    // titles in the filter's language where there is one, else English, else any
    const ids = rows.map((row) => row.group);
    const titles = new Map<string, string>();
    if (ids.length > 0) {
      const preferred = filter.locale === 'all' ? 'en' : filter.locale;
      const found = await knex('webinars_webinars')
        .whereIn('document_id', ids)
        .select('document_id', 'locale', 'title');
      for (const row of found as Array<{ document_id: string; locale: string; title: string }>) {
        if (!titles.has(row.document_id) || row.locale === preferred) titles.set(row.document_id, row.title);
      }
    }

    return [
      {
        name: 'registrations',
        title: 'Webinars: registrations, waitlist and attendance',
        description: 'Registrations made in the range per webinar; attendance rate of those marked attended or no-show',
        columns: analyticsColumns`
          title text Webinar
          registrations count Registrations
          waitlisted count Waitlisted
          cancelled count Cancelled
          attended count Attended
          noShow count No-show
          attendanceRate percent Attendance rate
        `,
        rows: rows.map(({ group, ...n }) => ({
          ...n,
          title: titles.get(group) ?? group,
          attendanceRate: rate(n.attended, n.attended + n.noShow),
        })),
      },
    ];
  },
});
