import type { Core } from '@strapi/strapi';

/**
 * This plugin's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011): bookings
 * made in the range, per meeting type, with cancellations and reschedules. Counts only. No-shows
 * are not recorded by booking (a booking is confirmed, cancelled or rescheduled), so there is no
 * no-show column.
 */
interface AnalyticsFilter {
  /** `all` or a configured locale code */
  locale: string;
  /** the range as instants, [start, end) */
  start: Date;
  end: Date;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sections(filter: AnalyticsFilter) {
    const knex = strapi.db.connection;
    const query = knex('booking_bookings')
      .where('created_at', '>=', filter.start)
      .andWhere('created_at', '<', filter.end)
      .select('meeting_type_slug', knex.raw('max(meeting_type_title) as title'))
      .select(
        knex.raw('count(*) as bookings'),
        knex.raw(`count(*) filter (where status = 'cancelled') as cancelled`),
        knex.raw('count(*) filter (where reschedule_count > 0) as rescheduled')
      )
      .groupBy('meeting_type_slug')
      .orderBy([{ column: 'bookings', order: 'desc' }, { column: 'meeting_type_slug' }]);
    if (filter.locale !== 'all') query.andWhere('language', filter.locale);
    const rows = await query;
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
        rows: rows.map((row: any) => {
          const bookings = Number(row.bookings);
          const cancelled = Number(row.cancelled);
          return {
            title: row.title ?? row.meeting_type_slug,
            bookings,
            cancelled,
            rescheduled: Number(row.rescheduled),
            cancellationRate: bookings > 0 ? Math.round((cancelled / bookings) * 10_000) / 10_000 : 0,
          };
        }),
      },
    ];
  },
});
