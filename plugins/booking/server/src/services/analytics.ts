import type { Core } from '@strapi/strapi';
import { analyticsColumns, counts, groupedCounts, rate } from '@magnetiq/plugin-kit/server';
import type { AnalyticsFilter, AnalyticsTable } from '@magnetiq/plugin-kit/server';

/**
 * This plugin's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011): bookings
 * made in the range, per meeting type, with cancellations and reschedules. Counts only. No-shows
 * are not recorded by booking (a booking is confirmed, cancelled or rescheduled), so there is no
 * no-show column.
 */
interface BookingCounts {
  meeting_type_slug: string;
  title: string | null;
  bookings: string;
  cancelled: string;
  rescheduled: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]> {
    const rows = await groupedCounts<BookingCounts>(strapi.db.connection, filter, {
      table: 'booking_bookings',
      at: 'created_at',
      localeColumn: 'language',
      groupBy: 'meeting_type_slug',
      also: ['max(meeting_type_title) as title'],
      counts: {
        bookings: 'count(*)',
        cancelled: `count(*) filter (where status = 'cancelled')`,
        rescheduled: 'count(*) filter (where reschedule_count > 0)',
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
        rows: rows.map((row) => {
          const n = counts(row, ['bookings', 'cancelled', 'rescheduled']);
          return { title: row.title ?? row.meeting_type_slug, ...n, cancellationRate: rate(n.cancelled, n.bookings) };
        }),
      },
    ];
  },
});
