/** A campaign's statistics: plain data, shared by the server (JSON, CSV, analytics) and the admin pages. */

/** The counts and rates of a campaign, in the order of the CSV (the OpenAPI schema lists them too). */
export const STAT_COUNTS = [
  'recipients',
  'sent',
  'suppressed',
  'delivered',
  'bounced',
  'opened',
  'clicked',
  'unsubscribed',
  'spam',
] as const;
export const STAT_RATES = ['deliveryRate', 'bounceRate', 'openRate', 'clickRate', 'unsubscribeRate'] as const;

export interface CampaignStats {
  campaign: number;
  name: string;
  status: string;
  recipients: number;
  sent: number;
  suppressed: number;
  delivered: number;
  bounced: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  spam: number;
  deliveryRate: number;
  bounceRate: number;
  openRate: number;
  clickRate: number;
  unsubscribeRate: number;
}
