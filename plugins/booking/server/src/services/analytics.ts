import type { Core } from '@strapi/strapi';
import { analyticsColumns, countWhere, groupedCounts, rate } from '@magnetiq/plugin-kit/server';
import type { AnalyticsFilter, AnalyticsTable } from '@magnetiq/plugin-kit/server';
import { TABLE } from '../utils';

/**
 * This plugin's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011): bookings
 * made in the range, per meeting type, with cancellations and reschedules. Counts only. No-shows
 * are not recorded by booking (a booking is confirmed, cancelled or rescheduled), so there is no
 * no-show column.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]> {
    const rows = await groupedCounts(strapi.db.connection, filter, {
      table: TABLE.booking,
      at: 'created_at',
      localeColumn: 'language',
      groupBy: 'meeting_type_slug',
      title: 'max(meeting_type_title)',
      counts: {
        bookings: 'count(*)',
        cancelled: countWhere("status = 'cancelled'"),
        rescheduled: countWhere('reschedule_count > 0'),
      },
    });
    return [
      {
        name: 'bookings',
        title: 'Booking: bookings and cancellations per meeting type',
        description: 'Bookings made in the range per meeting type; how many were cancelled or moved since',
        columns: analyticsColumns`
          title text Meeting type
          bookings count Bookings
          cancelled count Cancelled
          rescheduled count Rescheduled
          cancellationRate percent Cancellation rate
        `,
        rows: rows.map(({ group, title, ...n }) => ({
          title: title ?? group,
          ...n,
          cancellationRate: rate(n.cancelled, n.bookings),
        })),
      },
    ];
  },
});
