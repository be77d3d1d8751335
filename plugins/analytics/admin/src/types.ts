export interface AnalyticsColumn {
  key: string;
  label: string;
  kind?: 'text' | 'count' | 'percent';
}
export interface AnalyticsTable {
  name: string;
  title: string;
  description?: string;
  columns: AnalyticsColumn[];
  rows: Array<Record<string, string | number | null>>;
}
export interface UtmRow {
  value: string | null;
  activities: number;
  contacts: number;
  confirmed: number;
  conversion: number;
}
export interface Overview {
  range: { from: string; to: string; locale: 'en' | 'de' | 'all'; interval: 'day' | 'week' };
  timeline: { types: string[]; buckets: Array<{ bucket: string; total: number; counts: Record<string, number> }> };
  funnel: { submitted: number; confirmed: number; synced: number; qualified: number; won: number };
  utm: { source: UtmRow[]; medium: UtmRow[]; campaign: UtmRow[] };
  outbox: Array<{ topic: string; pending: number; processing: number; dead: number }>;
  sections: AnalyticsTable[];
}
