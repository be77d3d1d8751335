import type { Core } from '@strapi/strapi';
import type { AnalyticsColumn, AnalyticsFilter, AnalyticsTable } from '@magnetiq/plugin-kit/server';
import type { CampaignStats } from './stats';
import { getService } from '../utils';

/** the section's columns: each key is a field of the campaign's stats */
const COLUMNS: Array<AnalyticsColumn & { key: keyof CampaignStats }> = [
  { key: 'name', label: 'Campaign', kind: 'text' },
  { key: 'sent', label: 'Sent', kind: 'count' },
  { key: 'delivered', label: 'Delivered', kind: 'count' },
  { key: 'deliveryRate', label: 'Delivery rate', kind: 'percent' },
  { key: 'opened', label: 'Opened', kind: 'count' },
  { key: 'openRate', label: 'Open rate', kind: 'percent' },
  { key: 'clicked', label: 'Clicked', kind: 'count' },
  { key: 'clickRate', label: 'Click rate', kind: 'percent' },
  { key: 'bounced', label: 'Bounced', kind: 'count' },
  { key: 'unsubscribed', label: 'Unsubscribed', kind: 'count' },
];

/**
 * The "Newsletter" section of the lead analytics dashboard (plugins/analytics `sections()`):
 * campaigns that started in the range with their counts and rates. Campaigns are not of one
 * locale (each has its variants): the locale filter does not narrow them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]> {
    const campaigns = await getService(strapi, 'stats').all({ start: filter.start, end: filter.end });
    return [
      {
        name: 'campaigns',
        title: 'Newsletter: campaigns',
        description: 'Campaigns started in the range: sent, delivered, opened, clicked, bounced, unsubscribed',
        columns: COLUMNS,
        rows: campaigns.map((c) => Object.fromEntries(COLUMNS.map(({ key }) => [key, c[key]]))),
      },
    ];
  },
});
