import type { Core } from '@strapi/strapi';
import { count, type AnalyticsFilter, type AnalyticsTable } from '@magnetiq/plugin-kit/server';
import { leads } from '../utils';

/**
 * odoo-sync's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011): the funnel
 * stages after the double opt-in, of the contacts with an activity in the range. The contacts come
 * from the leads core as a subquery (`analytics.activeContacts`), so this plugin counts its own
 * links only. synced = a `crm.lead` link exists (a `res.partner` link alone does not count);
 * qualified = a link whose read-back outcome is qualified or won; won = won.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]> {
    const knex = strapi.db.connection;
    // one grouped pass over the lead links (a hash join), not correlated subqueries per contact:
    // those made the planner's estimate cross PostgreSQL's JIT threshold (ADR 0011)
    const leadsByContact = knex('odoo_sync_links as k')
      .where('k.model', 'crm.lead')
      .groupBy('k.contact_document_id')
      .select(
        'k.contact_document_id',
        knex.raw(`bool_or(k.outcome in ('qualified', 'won')) as qualified`),
        knex.raw(`bool_or(k.outcome = 'won') as won`),
      );
    const [row] = (await knex
      .with('active', leads(strapi).analytics.activeContacts(filter))
      .with('lead_links', leadsByContact)
      .from('active as s')
      .join('lead_links as k', 'k.contact_document_id', 's.document_id')
      .select(
        knex.raw('count(*) as synced'),
        knex.raw('count(*) filter (where k.qualified) as qualified'),
        knex.raw('count(*) filter (where k.won) as won'),
      )) as Array<{ synced: unknown; qualified: unknown; won: unknown }>;
    return [
      {
        name: 'funnel',
        title: 'Funnel: in Odoo, qualified, won',
        description: 'Of the contacts with an activity in the range: a crm.lead in Odoo, qualified (or won), won',
        columns: [
          { key: 'stage', label: 'Stage', kind: 'text' },
          { key: 'contacts', label: 'Contacts', kind: 'count' },
        ],
        rows: [
          { stage: 'synced', contacts: count(row?.synced) },
          { stage: 'qualified', contacts: count(row?.qualified) },
          { stage: 'won', contacts: count(row?.won) },
        ],
      },
    ];
  },
});
