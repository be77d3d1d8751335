import type { Core } from '@strapi/strapi';
import { Snapshot, stagesTable, type AnalyticsFilter, type AnalyticsTable } from '@magnetiq/plugin-kit/server';
import { leads } from '../utils';

/**
 * odoo-sync's part of the lead analytics dashboard (plugins/analytics, docs/adr/0011): the funnel
 * stages after the double opt-in, of the contacts with an activity in the range. The contacts come
 * from the leads core (`analytics.activeContacts`, asked one by one), so this plugin counts its own
 * links only. synced = a `crm.lead` link exists (a `res.partner` link alone does not count);
 * qualified = a link whose read-back outcome is qualified or won; won = won.
 *
 * The links are grouped per contact in one query and kept while younger than the filter's
 * `maxAgeSeconds` (the dashboard's cache time; 0 = read now).
 */
interface LeadLinks {
  contact: string;
  qualified: boolean;
  won: boolean;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const links = new Snapshot(
    async () =>
      (await knex()('odoo_sync_links')
        .where('model', 'crm.lead')
        .whereNotNull('contact_document_id')
        .groupBy('contact_document_id')
        .select(
          'contact_document_id as contact',
          knex().raw(`bool_or(outcome in ('qualified', 'won')) as qualified`),
          knex().raw(`bool_or(outcome = 'won') as won`),
        )) as LeadLinks[],
  );

  return {
    async sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]> {
      const [active, byContact] = await Promise.all([
        leads(strapi).analytics.activeContacts(filter),
        links.get(filter.maxAgeSeconds),
      ]);
      let synced = 0;
      let qualified = 0;
      let won = 0;
      for (const link of byContact) {
        if (!active.has(link.contact)) continue;
        synced += 1;
        if (link.qualified) qualified += 1;
        if (link.won) won += 1;
      }
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
