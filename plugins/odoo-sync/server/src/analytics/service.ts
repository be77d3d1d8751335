import type { Core } from '@strapi/strapi';
import { Snapshot, stagesTable, type AnalyticsFilter, type AnalyticsTable } from '@magnetiq/plugin-kit/server';
import { leads } from '../utils';

/**
 * odoo-sync's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011): the funnel
 * stages after the double opt-in, of the contacts with an activity in the range. The contacts come
 * from the leads core (`analytics.countActive`: counts of the groups this plugin hands it), so this
 * plugin reads its own links only. synced = a `crm.lead` link exists (a `res.partner` link alone does not count);
 * qualified = a link whose read-back outcome is qualified or won; won = won.
 *
 * The links are grouped per contact in one query, into the three groups, kept while younger than
 * the filter's `maxAgeSeconds` (the dashboard's cache time; 0 = read now): the same arrays on every
 * call, so the leads core resolves them once per snapshot.
 */
interface LeadLinks {
  contact: string;
  qualified: boolean | null;
  won: boolean | null;
}

type Stage = 'synced' | 'qualified' | 'won';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const links = new Snapshot(async (): Promise<Record<Stage, string[]>> => {
    const rows = (await knex()('odoo_sync_links')
      .where('model', 'crm.lead')
      .whereNotNull('contact_document_id')
      .groupBy('contact_document_id')
      .select(
        'contact_document_id as contact',
        knex().raw(`bool_or(outcome in ('qualified', 'won')) as qualified`),
        knex().raw(`bool_or(outcome = 'won') as won`),
      )) as LeadLinks[];
    return {
      synced: rows.map((row) => row.contact),
      qualified: rows.filter((row) => row.qualified).map((row) => row.contact),
      won: rows.filter((row) => row.won).map((row) => row.contact),
    };
  });

  return {
    async sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]> {
      const counts = await leads(strapi).analytics.countActive(filter, await links.get(filter.maxAgeSeconds));
      const { synced = 0, qualified = 0, won = 0 } = counts;
      return [
        stagesTable(
          {
            name: 'funnel',
            title: 'Funnel: in Odoo, qualified, won',
            description: 'Of the contacts with an activity in the range: a crm.lead in Odoo, qualified (or won), won',
          },
          { synced, qualified, won },
        ),
      ];
    },
  };
};
