/** The shapes of the newsletter's admin answers (server/src/routes/openapi.ts describes them). */
export interface DataResponse<T> {
  data: T;
}

export type BlockType = 'text' | 'image' | 'button' | 'article';
export const BLOCK_TYPES: BlockType[] = ['text', 'image', 'button', 'article'];

/** One block of an email; which fields count depends on `type` (the server drops the others). */
export interface Block {
  type: BlockType;
  text?: string;
  url?: string;
  alt?: string;
  href?: string | null;
  label?: string;
  title?: string;
  summary?: string | null;
  imageUrl?: string | null;
}

export interface Variant {
  subject: string;
  preheader?: string | null;
  blocks: Block[];
}

export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';

export interface Campaign {
  id: number;
  name: string;
  variants: Record<string, Variant>;
  defaultLocale: string;
  segment: number | null;
  status: CampaignStatus;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  recipientCount: number | null;
  createdAt: string;
  updatedAt: string;
}

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

export type CampaignStats = { campaign: number; name: string; status: string } & Record<
  (typeof STAT_COUNTS)[number] | (typeof STAT_RATES)[number],
  number
>;

/** The saved filter of a segment (the server's type: parts combine with AND, values of one part with OR). */
import type { SegmentFilter } from '../../server/src/domain/segment';

export type { SegmentFilter };

export const LIST_FILTERS = [
  'topics',
  'languages',
  'sources',
  'utmSources',
  'utmMediums',
  'utmCampaigns',
  'whitepapers',
  'webinars',
] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface Segment {
  id: number;
  name: string;
  filter: SegmentFilter;
  createdAt: string;
  updatedAt: string;
}

export interface Topic {
  id: number;
  slug: string;
  locale: string;
  name: string;
  description: string | null;
  position: number;
  subscribers: number;
}

export interface Rendered {
  subject: string;
  html: string;
  text: string;
}
