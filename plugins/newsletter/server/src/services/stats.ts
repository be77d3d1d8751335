import type { Core } from '@strapi/strapi';
import { count, rate } from '@magnetiq/plugin-kit/server';
import { TABLE } from '../utils';
import type { CampaignStats } from '../domain/stats';

export { STAT_COUNTS, STAT_RATES, type CampaignStats } from '../domain/stats';

/** Counts of a campaign's recipients (no personal data): the admin, the CSV and the analytics section. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  const query = () =>
    knex()(`${TABLE.campaigns} as c`)
      .leftJoin(`${TABLE.recipients} as r`, 'r.campaign_id', 'c.id')
      .groupBy('c.id')
      .select('c.id', 'c.name', 'c.status', 'c.started_at')
      .select(
        knex().raw('count(r.id) as recipients'),
        knex().raw(`count(*) filter (where r.status = 'sent') as sent`),
        knex().raw(`count(*) filter (where r.status = 'suppressed') as suppressed`),
        knex().raw('count(r.delivered_at) as delivered'),
        knex().raw('count(r.bounced_at) as bounced'),
        knex().raw('count(r.opened_at) as opened'),
        knex().raw('count(r.clicked_at) as clicked'),
        knex().raw('count(r.unsubscribed_at) as unsubscribed'),
        knex().raw('count(r.spam_at) as spam'),
      );

  const toStats = (row: Record<string, unknown>): CampaignStats => {
    const sent = count(row.sent);
    const delivered = count(row.delivered);
    return {
      campaign: Number(row.id),
      name: String(row.name),
      status: String(row.status),
      recipients: count(row.recipients),
      sent,
      suppressed: count(row.suppressed),
      delivered,
      bounced: count(row.bounced),
      opened: count(row.opened),
      clicked: count(row.clicked),
      unsubscribed: count(row.unsubscribed),
      spam: count(row.spam),
      deliveryRate: rate(delivered, sent),
      bounceRate: rate(count(row.bounced), sent),
      openRate: rate(count(row.opened), delivered),
      clickRate: rate(count(row.clicked), delivered),
      unsubscribeRate: rate(count(row.unsubscribed), delivered),
    };
  };

  return {
    async ofCampaign(id: number): Promise<CampaignStats | null> {
      const row = await query().where('c.id', id).first();
      return row ? toStats(row) : null;
    },

    /** The counts of every campaign (drafts too: zeros), by campaign id, in one query: the admin's list. */
    async byCampaign(): Promise<Map<number, CampaignStats>> {
      const stats = (await query()).map(toStats);
      return new Map(stats.map((row) => [row.campaign, row]));
    },

    /** Every campaign that started, or those that started in [start, end). */
    async all(range?: { start: Date; end: Date }): Promise<CampaignStats[]> {
      const rows = query().whereNotNull('c.started_at').orderBy('c.started_at', 'desc');
      if (range) rows.where('c.started_at', '>=', range.start).andWhere('c.started_at', '<', range.end);
      return (await rows).map(toStats);
    },
  };
};
