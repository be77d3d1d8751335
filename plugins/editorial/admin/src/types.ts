/** The editorial admin API's answers (server/src/routes/openapi.ts). */
export interface VersionSummary {
  id: number;
  uid: string;
  documentId: string;
  locale: string | null;
  status: 'draft' | 'published';
  action: string;
  restoredFrom: number | null;
  createdBy: { id: number; name: string | null } | null;
  createdAt: string;
}

export type { FieldChange, TextPart } from '../../server/src/domain/diff';
import type { FieldChange } from '../../server/src/domain/diff';

export interface VersionDetail extends VersionSummary {
  data: Record<string, unknown>;
  current: Record<string, unknown> | null;
  diff: FieldChange[];
}

export interface Release {
  id: number;
  name: string;
  status: 'open' | 'scheduled' | 'running' | 'done' | 'failed';
  scheduledAt: string | null;
  timeZone: string | null;
  error: string | null;
  finishedAt: string | null;
  actions: Array<{ uid: string; documentId: string; locale: string | null; type: 'publish' | 'unpublish' }>;
}
