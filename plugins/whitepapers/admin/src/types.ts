export interface DataResponse<T> {
  data: T;
}

export interface Totals {
  requests: number;
  converted: number;
  downloads: number;
}

export interface PaperRow {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  gated: boolean;
  fileName: string | null;
  fileSize: number | null;
  updatedAt: string;
  totals: Totals;
}

export interface PaperStats {
  requests: number;
  converted: number;
  conversionRate: number;
  downloads: number;
  days: Array<{ day: string; requests: number; downloads: number }>;
  topSources: Array<{ source: string; requests: number; converted: number }>;
}
