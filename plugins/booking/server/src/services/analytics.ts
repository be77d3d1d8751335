import type { Core } from '@strapi/strapi';
import {
  analyticsColumns,
  counts,
  inRange,
  rate,
  type AnalyticsFilter,
  type AnalyticsTable,
} from '@magnetiq/plugin-kit/server';

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
    const knex = strapi.db.connection;
    const rows: BookingCounts[] = await inRange(knex('booking_bookings'), filter, 'created_at', 'language')
      .select('meeting_type_slug', knex.raw('max(meeting_type_title) as title'))
      .select(
        knex.raw('count(*) as bookings'),
        knex.raw(`count(*) filter (where status = 'cancelled') as cancelled`),
        knex.raw('count(*) filter (where reschedule_count > 0) as rescheduled'),
      )
      .groupBy('meeting_type_slug')
      .orderBy([{ column: 'bookings', order: 'desc' }, { column: 'meeting_type_slug' }]);
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
