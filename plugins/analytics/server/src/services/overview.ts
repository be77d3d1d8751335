import type { Core } from '@strapi/strapi';
import type { AnalyticsRange } from '../domain/range';
import { fillTimeline, type Timeline } from '../domain/timeline';
import type { Funnel, OutboxTopic, UtmRow } from '../domain/figures';
import { isAnalyticsTable, rate, type AnalyticsTable } from '../domain/table';

/**
 * Every figure of the dashboard, each one aggregate query grouped in PostgreSQL: no row of a
 * contact or an activity is loaded into the CMS. Reads the leads core's and odoo-sync's tables
 * directly (read-only, counts only): see docs/adr/0011-lead-analytics.md for why.
 */
export const UTM_DIMENSIONS = ['source', 'medium', 'campaign'] as const;
export type UtmDimension = (typeof UTM_DIMENSIONS)[number];
/** rows per UTM table on the dashboard; the CSV export has them all */
export const TOP_UTM = 10;

const int = (value: unknown) => Number(value ?? 0);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** Activities in the range (and locale): the base of every lead figure. */
  const activitiesIn = (range: AnalyticsRange) => {
    const query = knex()('leads_activities as a')
      .where('a.occurred_at', '>=', range.start)
      .andWhere('a.occurred_at', '<', range.end);
    if (range.locale !== 'all') query.andWhere('a.language', range.locale);
    return query;
  };

  return {
    async timeline(range: AnalyticsRange): Promise<Timeline> {
      const rows = await activitiesIn(range)
        .select(knex().raw(`to_char(date_trunc(?, a.occurred_at), 'YYYY-MM-DD') as bucket`, [range.interval]), 'a.type')
        .count({ count: '*' })
        .groupBy('bucket', 'a.type');
      return fillTimeline(
        range,
        (rows as unknown as Array<{ bucket: string; type: string; count: unknown }>).map((row) => ({
          bucket: row.bucket,
          type: row.type,
          count: int(row.count),
        })),
      );
    },

    /**
     * Distinct contacts with an activity in the range, and how far each got: confirmed (double
     * opt-in), synced (a crm.lead link), qualified (a read-back outcome qualified or won), won.
     */
    async funnel(range: AnalyticsRange): Promise<Funnel> {
      const contacts = activitiesIn(range)
        .join('leads_activities_contact_lnk as l', 'l.activity_id', 'a.id')
        .distinct('l.contact_id');
      // one grouped pass over the lead links (a hash join), not three correlated subqueries per
      // contact: those made the planner's cost estimate cross PostgreSQL's JIT threshold, and the
      // JIT compile alone took ~200 ms on the benchmark volume
      const leadsByContact = knex()('odoo_sync_links as k')
        .where('k.model', 'crm.lead')
        .groupBy('k.contact_document_id')
        .select(
          'k.contact_document_id',
          knex().raw(`bool_or(k.outcome in ('qualified', 'won')) as qualified`),
          knex().raw(`bool_or(k.outcome = 'won') as won`),
        );
      const [row] = await knex()
        .with('submitted', contacts)
        .with('leads', leadsByContact)
        .from('submitted as s')
        .join('leads_contacts as c', 'c.id', 's.contact_id')
        .leftJoin('leads as k', 'k.contact_document_id', 'c.document_id')
        .select(
          knex().raw('count(*) as submitted'),
          knex().raw('count(*) filter (where c.confirmed_at is not null) as confirmed'),
          knex().raw('count(k.contact_document_id) as synced'),
          knex().raw('count(*) filter (where k.qualified) as qualified'),
          knex().raw('count(*) filter (where k.won) as won'),
        );
      return {
        submitted: int(row?.submitted),
        confirmed: int(row?.confirmed),
        synced: int(row?.synced),
        qualified: int(row?.qualified),
        won: int(row?.won),
      };
    },

    /** Per UTM value: activities, distinct contacts, and how many of those confirmed. */
    async utm(range: AnalyticsRange, dimension: UtmDimension, limit?: number): Promise<UtmRow[]> {
      const column = `a.utm_${dimension}`;
      const query = activitiesIn(range)
        .join('leads_activities_contact_lnk as l', 'l.activity_id', 'a.id')
        .join('leads_contacts as c', 'c.id', 'l.contact_id')
        .select({ value: column })
        .select(
          knex().raw('count(*) as activities'),
          knex().raw('count(distinct l.contact_id) as contacts'),
          knex().raw('count(distinct l.contact_id) filter (where c.confirmed_at is not null) as confirmed'),
        )
        .groupBy(column)
        .orderBy([
          { column: 'contacts', order: 'desc' },
          { column: 'value', order: 'asc', nulls: 'last' },
        ]);
      if (limit) query.limit(limit);
      const rows = await query;
      return (
        rows as unknown as Array<{ value: string | null; activities: unknown; contacts: unknown; confirmed: unknown }>
      ).map((row) => {
        const contactsCount = int(row.contacts);
        const confirmed = int(row.confirmed);
        return {
          value: row.value ?? null,
          activities: int(row.activities),
          contacts: contactsCount,
          confirmed,
          conversion: rate(confirmed, contactsCount),
        };
      });
    },

    /** What waits or failed in the outbox now, per topic (not limited to the range: it is health). */
    async outbox(): Promise<OutboxTopic[]> {
      const rows = await knex()('leads_outbox')
        .whereIn('status', ['pending', 'processing', 'dead'])
        .select('topic')
        .select(
          knex().raw(`count(*) filter (where status = 'pending') as pending`),
          knex().raw(`count(*) filter (where status = 'processing') as processing`),
          knex().raw(`count(*) filter (where status = 'dead') as dead`),
        )
        .groupBy('topic')
        .orderBy('topic');
      return (rows as unknown as Array<{ topic: string; pending: unknown; processing: unknown; dead: unknown }>).map(
        (row) => ({
          topic: row.topic,
          pending: int(row.pending),
          processing: int(row.processing),
          dead: int(row.dead),
        }),
      );
    },

    /**
     * Tables from every other plugin that has an `analytics` service with `sections(filter)`.
     * A failing plugin is logged and left out: one broken section must not hide the dashboard.
     */
    async sections(range: AnalyticsRange): Promise<AnalyticsTable[]> {
      const filter = { from: range.from, to: range.to, locale: range.locale, start: range.start, end: range.end };
      const tables: AnalyticsTable[] = [];
      for (const pluginName of Object.keys(strapi.plugins)) {
        if (pluginName === 'analytics') continue;
        const service = strapi.plugin(pluginName).service('analytics') as
          { sections?: (filter: unknown) => Promise<unknown> } | undefined;
        if (typeof service?.sections !== 'function') continue;
        try {
          const result = await service.sections(filter);
          for (const table of Array.isArray(result) ? result : []) {
            if (isAnalyticsTable(table)) tables.push({ ...table, name: `${pluginName}.${table.name}` });
            else strapi.log.warn(`analytics: ignored a malformed section from the ${pluginName} plugin`);
          }
        } catch (error) {
          strapi.log.error(`analytics: the ${pluginName} plugin's sections failed: ${(error as Error).message}`);
        }
      }
      return tables;
    },
  };
};
