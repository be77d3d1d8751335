import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { count, fillTimeline, rate, type AnalyticsFilter, type AnalyticsTable } from '@magnetiq/plugin-kit/server';

/**
 * The leads core's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011): the
 * leads over time, the funnel up to the double opt-in, the UTM tables and the outbox health, as
 * `sections()` like every other plugin's. Counts only: each figure is grouped in PostgreSQL, no
 * contact or activity row is loaded. `activeContacts` hands other plugins (odoo-sync's funnel) the
 * contacts of a range as a subquery, so they never name the leads tables.
 */
export const UTM_DIMENSIONS = ['source', 'medium', 'campaign'] as const;
export type UtmDimension = (typeof UTM_DIMENSIONS)[number];

/** grouping(utm_source, utm_medium, utm_campaign) of each grouping set: 1 marks a column left out */
const GROUPING_SET = { source: 0b011, medium: 0b101, campaign: 0b110, all: 0b111 } as const;

interface UtmCounts {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  grouping: number | string;
  activities: string;
  contacts: string;
  confirmed: string;
}

const byContactsThenValue = (
  a: { contacts: number; value: string | null },
  b: { contacts: number; value: string | null },
) =>
  b.contacts - a.contacts ||
  (a.value === null
    ? b.value === null
      ? 0
      : 1
    : b.value === null
      ? -1
      : a.value < b.value
        ? -1
        : a.value > b.value
          ? 1
          : 0);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** Activities in the range (and locale): the base of every lead figure. */
  const activitiesIn = (filter: AnalyticsFilter) => {
    const query = knex()('leads_activities as a')
      .where('a.occurred_at', '>=', filter.start)
      .andWhere('a.occurred_at', '<', filter.end);
    if (filter.locale !== 'all') query.andWhere('a.language', filter.locale);
    return query;
  };

  const timeline = async (filter: AnalyticsFilter): Promise<AnalyticsTable> => {
    const interval = filter.interval ?? 'day';
    const rows = (await activitiesIn(filter)
      .select(knex().raw(`to_char(date_trunc(?, a.occurred_at), 'YYYY-MM-DD') as bucket`, [interval]), 'a.type')
      .count({ count: '*' })
      .groupBy('bucket', 'a.type')) as unknown as Array<{ bucket: string; type: string; count: unknown }>;
    const filled = fillTimeline(
      { start: filter.start, end: filter.end, interval },
      rows.map((row) => ({ bucket: row.bucket, type: row.type, count: count(row.count) })),
    );
    return {
      name: 'timeline',
      title: 'Leads over time',
      columns: [
        { key: 'bucket', label: interval === 'week' ? 'Week' : 'Day', kind: 'text' },
        ...filled.types.map((type) => ({ key: type, label: type, kind: 'count' as const })),
        { key: 'total', label: 'Total', kind: 'count' },
      ],
      rows: filled.buckets.map((bucket) => ({ bucket: bucket.bucket, ...bucket.counts, total: bucket.total })),
    };
  };

  /**
   * The UTM tables and the funnel's first two stages in one pass over the range's activities
   * (grouping sets), not four: per UTM value activities, distinct contacts and how many of them
   * confirmed; over all, the distinct contacts (submitted) and the confirmed ones.
   */
  const utmAndFunnel = async (filter: AnalyticsFilter): Promise<AnalyticsTable[]> => {
    const rows = (await activitiesIn(filter)
      .join('leads_activities_contact_lnk as l', 'l.activity_id', 'a.id')
      .join('leads_contacts as c', 'c.id', 'l.contact_id')
      .select({ source: 'a.utm_source', medium: 'a.utm_medium', campaign: 'a.utm_campaign' })
      .select(
        knex().raw('grouping(a.utm_source, a.utm_medium, a.utm_campaign) as grouping'),
        knex().raw('count(*) as activities'),
        knex().raw('count(distinct l.contact_id) as contacts'),
        knex().raw('count(distinct l.contact_id) filter (where c.confirmed_at is not null) as confirmed'),
      )
      .groupByRaw('grouping sets ((a.utm_source), (a.utm_medium), (a.utm_campaign), ())')) as unknown as UtmCounts[];

    const total = rows.find((row) => Number(row.grouping) === GROUPING_SET.all);
    const funnel: AnalyticsTable = {
      name: 'funnel',
      title: 'Funnel: submitted and confirmed',
      description: 'Distinct contacts with an activity in the range; confirmed = double opt-in done (at any time)',
      columns: [
        { key: 'stage', label: 'Stage', kind: 'text' },
        { key: 'contacts', label: 'Contacts', kind: 'count' },
      ],
      rows: [
        { stage: 'submitted', contacts: count(total?.contacts) },
        { stage: 'confirmed', contacts: count(total?.confirmed) },
      ],
    };
    const utm = UTM_DIMENSIONS.map((dimension): AnalyticsTable => ({
      name: `utm-${dimension}`,
      title: `UTM ${dimension}`,
      columns: [
        { key: 'value', label: `utm_${dimension}`, kind: 'text' },
        { key: 'activities', label: 'Activities', kind: 'count' },
        { key: 'contacts', label: 'Contacts', kind: 'count' },
        { key: 'confirmed', label: 'Confirmed', kind: 'count' },
        { key: 'conversion', label: 'Conversion to confirmed', kind: 'percent' },
      ],
      rows: rows
        .filter((row) => Number(row.grouping) === GROUPING_SET[dimension])
        .map((row) => {
          const contacts = count(row.contacts);
          const confirmed = count(row.confirmed);
          return {
            value: row[dimension] ?? null,
            activities: count(row.activities),
            contacts,
            confirmed,
            conversion: rate(confirmed, contacts),
          };
        })
        .sort(byContactsThenValue),
    }));
    return [funnel, ...utm];
  };

  /** What waits or failed in the outbox now, per topic (not limited to the range: it is health). */
  const outbox = async (): Promise<AnalyticsTable> => {
    const rows = (await knex()('leads_outbox')
      .whereIn('status', ['pending', 'processing', 'dead'])
      .select('topic')
      .select(
        knex().raw(`count(*) filter (where status = 'pending') as pending`),
        knex().raw(`count(*) filter (where status = 'processing') as processing`),
        knex().raw(`count(*) filter (where status = 'dead') as dead`),
      )
      .groupBy('topic')
      .orderBy('topic')) as unknown as Array<{ topic: string; pending: unknown; processing: unknown; dead: unknown }>;
    return {
      name: 'outbox',
      title: 'Outbox health',
      description: 'Deliveries waiting or failed now, per topic (not limited to the date range)',
      columns: [
        { key: 'topic', label: 'Topic', kind: 'text' },
        { key: 'pending', label: 'Pending', kind: 'count' },
        { key: 'processing', label: 'Processing', kind: 'count' },
        { key: 'dead', label: 'Dead', kind: 'count' },
      ],
      rows: rows.map((row) => ({
        topic: row.topic,
        pending: count(row.pending),
        processing: count(row.processing),
        dead: count(row.dead),
      })),
    };
  };

  return {
    /** timeline, funnel (submitted, confirmed), utm-source, utm-medium, utm-campaign (all rows), outbox */
    async sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]> {
      const [timelineTable, utmTables, outboxTable] = await Promise.all([
        timeline(filter),
        utmAndFunnel(filter),
        outbox(),
      ]);
      return [timelineTable, ...utmTables, outboxTable];
    },

    /**
     * The document ids (column `document_id`) of the contacts with an activity in the filter's
     * range and locale, as a subquery another plugin's count can join: no row leaves the database.
     */
    activeContacts(filter: AnalyticsFilter): Knex.QueryBuilder {
      return activitiesIn(filter)
        .join('leads_activities_contact_lnk as l', 'l.activity_id', 'a.id')
        .join('leads_contacts as c', 'c.id', 'l.contact_id')
        .distinct('c.document_id');
    },
  };
};
