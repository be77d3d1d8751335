/** The shapes of the newsletter's admin answers (server/src/routes/openapi.ts describes them). */
import type { CampaignStats } from '../../server/src/domain/stats';
import type { CampaignStatus } from '../../server/src/services/campaigns';
import type { SegmentFilter } from '../../server/src/domain/segment';
import type { TopicRow } from '../../server/src/services/topics';

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

export type { CampaignStatus };

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
  /** in the list only: the campaign's counts, from the same answer */
  stats?: CampaignStats | null;
}

/** A campaign's counts and rates (the server's shape, server/src/domain/stats.ts). */
export type { CampaignStats };

/** The saved filter of a segment (the server's type: parts combine with AND, values of one part with OR). */
export type { SegmentFilter };

/** The parts of a segment chosen from known values (multi-selects; `GET /newsletter/segments/options`). */
export const CHOICE_FILTERS = ['topics', 'languages', 'sources', 'whitepapers', 'webinars'] as const;
export type ChoiceFilter = (typeof CHOICE_FILTERS)[number];
/** The UTM parts: any text (a new campaign's values are not known yet), comma-separated. */
export const TEXT_FILTERS = ['utmSources', 'utmMediums', 'utmCampaigns'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export interface Option {
  value: string;
  label: string;
}

/** What the segment editor offers. */
export type SegmentOptions = Record<ChoiceFilter, Option[]> & {
  criteria: Array<{ name: string; label: string; options: Option[] }>;
};

export interface Segment {
  id: number;
  name: string;
  filter: SegmentFilter;
  createdAt: string;
  updatedAt: string;
}

/** A topic with its subscriber count (the list's rows). */
export type Topic = TopicRow & { subscribers: number };

export interface Rendered {
  subject: string;
  html: string;
  text: string;
}

/** `GET /newsletter/settings`: the postal address campaigns carry (the stored one, else the env's). */
export interface NewsletterSettings {
  physicalAddress: string;
}

/** `POST /newsletter/suppressions/lookup`: whether an address is suppressed, and why. */
export type SuppressionStatus =
  | { suppressed: false }
  | {
      suppressed: true;
      scope: 'marketing' | 'all';
      kind: 'delivery' | 'consent';
      reason: string;
      since: string;
      updatedAt: string;
    };
