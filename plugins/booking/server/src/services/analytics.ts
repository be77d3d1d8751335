import type { Core } from '@strapi/strapi';
import { count, inRange, rate, type AnalyticsFilter, type AnalyticsTable } from '@magnetiq/plugin-kit/server';

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
        columns: [
          { key: 'title', label: 'Meeting type', kind: 'text' },
          { key: 'bookings', label: 'Bookings', kind: 'count' },
          { key: 'cancelled', label: 'Cancelled', kind: 'count' },
          { key: 'rescheduled', label: 'Rescheduled', kind: 'count' },
          { key: 'cancellationRate', label: 'Cancellation rate', kind: 'percent' },
        ],
        rows: rows.map((row) => ({
          title: row.title ?? row.meeting_type_slug,
          bookings: count(row.bookings),
          cancelled: count(row.cancelled),
          rescheduled: count(row.rescheduled),
          cancellationRate: rate(count(row.cancelled), count(row.bookings)),
        })),
      },
    ];
  },
});
