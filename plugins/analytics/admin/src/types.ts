// The server's shapes, imported as types only (erased from the admin bundle).
import type { Funnel, OutboxTopic, UtmRow } from '../../server/src/domain/figures';
import type { AnalyticsTable } from '../../server/src/domain/table';

export type { AnalyticsColumn, AnalyticsTable } from '../../server/src/domain/table';
export type { UtmRow } from '../../server/src/domain/figures';

export interface Overview {
  range: {
    from: string;
    to: string;
    /** `all` or a configured locale code */ locale: string;
    interval: 'day' | 'week';
  };
  timeline: { types: string[]; buckets: Array<{ bucket: string; total: number; counts: Record<string, number> }> };
  funnel: Funnel;
  utm: { source: UtmRow[]; medium: UtmRow[]; campaign: UtmRow[] };
  outbox: OutboxTopic[];
  sections: AnalyticsTable[];
}
