import type { Core } from '@strapi/strapi';
import {
  analyticsColumns,
  counts,
  fillTimeline,
  rate,
  Snapshot,
  stagesTable,
  type AnalyticsFilter,
  type AnalyticsTable,
} from '@magnetiq/plugin-kit/server';
import { ActivityIndex, dayNumber, UTM_DIMENSIONS, type IndexQuery, type IndexRow } from './activity-index';

/**
 * The leads core's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011): the
 * leads over time, the funnel up to the double opt-in, the UTM tables and the outbox health, as
 * `sections()` like every other plugin's. Counts only: no contact's data leaves this service.
 *
 * The range figures come from an in-memory `ActivityIndex` (one compact row per activity, grouped
 * by contact) rebuilt from the tables when it is older than the filter's `maxAgeSeconds` (the
 * dashboard's cache time; 0 = now): every filter is then one pass over typed arrays, exact, instead
 * of a scan and a sort per figure in PostgreSQL. Erased or expired activities are gone from the
 * next build. `countActive` counts other plugins' groups of contacts (odoo-sync's funnel) in a range.
 */
interface OutboxCounts {
  topic: string;
  pending: unknown;
  processing: unknown;
  dead: unknown;
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

const queryOf = (filter: AnalyticsFilter): IndexQuery => ({
  startDay: dayNumber(filter.start),
  endDay: dayNumber(filter.end),
  locale: filter.locale,
  interval: filter.interval ?? 'day',
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** Every activity's counting columns, the rows of one contact adjacent (no personal data). */
  const index = new Snapshot(async () => {
    const rows = (await knex()('leads_activities as a')
      .leftJoin('leads_activities_contact_lnk as l', 'l.activity_id', 'a.id')
      .leftJoin('leads_contacts as c', 'c.id', 'l.contact_id')
      .select(
        knex().raw('floor(extract(epoch from a.occurred_at) / 86400)::int as day'),
        'c.id as contact',
        'c.document_id as documentId',
        knex().raw('(c.confirmed_at is not null) as confirmed'),
        'a.language',
        'a.type',
        'a.utm_source as source',
        'a.utm_medium as medium',
        'a.utm_campaign as campaign',
      )
      .orderByRaw('c.id nulls last')) as IndexRow[];
    return new ActivityIndex(rows);
  });

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
      .orderBy('topic')) as OutboxCounts[];
    return {
      name: 'outbox',
      title: 'Outbox health',
      description: 'Deliveries waiting or failed now, per topic (not limited to the date range)',
      columns: analyticsColumns`
        topic text Topic
        pending count Pending
        processing count Processing
        dead count Dead
      `,
      rows: rows.map((row) => ({ topic: row.topic, ...counts(row, ['pending', 'processing', 'dead']) })),
    };
  };

  const rangeTables = async (filter: AnalyticsFilter): Promise<AnalyticsTable[]> => {
    const query = queryOf(filter);
    const answer = (await index.get(filter.maxAgeSeconds)).answer(query);
    const timeline = fillTimeline({ start: filter.start, end: filter.end, interval: query.interval }, answer.timeline);
    return [
      {
        name: 'timeline',
        title: 'Leads over time',
        columns: [
          { key: 'bucket', label: query.interval === 'week' ? 'Week' : 'Day', kind: 'text' },
          ...timeline.types.map((type) => ({ key: type, label: type, kind: 'count' as const })),
          { key: 'total', label: 'Total', kind: 'count' },
        ],
        rows: timeline.buckets.map((bucket) => ({ bucket: bucket.bucket, ...bucket.counts, total: bucket.total })),
      },
      stagesTable(
        {
          name: 'funnel',
          title: 'Funnel: submitted and confirmed',
          description: 'Distinct contacts with an activity in the range; confirmed = double opt-in done (at any time)',
        },
        { submitted: answer.submitted, confirmed: answer.confirmed },
      ),
      ...UTM_DIMENSIONS.map((dimension): AnalyticsTable => ({
        name: `utm-${dimension}`,
        title: `UTM ${dimension}`,
        columns: [
          { key: 'value', label: `utm_${dimension}`, kind: 'text' },
          { key: 'activities', label: 'Activities', kind: 'count' },
          { key: 'contacts', label: 'Contacts', kind: 'count' },
          { key: 'confirmed', label: 'Confirmed', kind: 'count' },
          { key: 'conversion', label: 'Conversion to confirmed', kind: 'percent' },
        ],
        rows: answer.utm[dimension]
          .map((row) => ({ ...row, conversion: rate(row.confirmed, row.contacts) }))
          .sort(byContactsThenValue),
      })),
    ];
  };

  return {
    /** timeline, funnel (submitted, confirmed), utm-source, utm-medium, utm-campaign (all rows), outbox */
    async sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]> {
      const [tables, outboxTable] = await Promise.all([rangeTables(filter), outbox()]);
      return [...tables, outboxTable];
    },

    /** How many contacts of each group had an activity in the filter's range and locale. */
    async countActive(
      filter: AnalyticsFilter,
      groups: Record<string, readonly string[]>,
    ): Promise<Record<string, number>> {
      return (await index.get(filter.maxAgeSeconds)).countActive(queryOf(filter), groups);
    },
  };
};
