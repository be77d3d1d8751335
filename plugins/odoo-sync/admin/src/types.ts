/** Shapes of the odoo-sync admin API (`/odoo-sync/...`); every response is `{ data }`. */

export type IsoDateTime = string;

export interface DataResponse<T> {
  data: T;
}

/** The circuit breaker in front of Odoo: closed (calls go out), open (calls wait), half-open (one probe). */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface OdooConnection {
  configured: boolean;
  url: string | null;
  db: string | null;
  username: string | null;
  circuit: CircuitState;
  unreachableSince: IsoDateTime | null;
  credentialsRejectedAt: IsoDateTime | null;
  lastError: { at: IsoDateTime; message: string } | null;
}

/** Outbox statuses of the Odoo topic, in the order they are shown. */
export const SYNC_STATES = ['done', 'pending', 'processing', 'dead'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface DeadLetter {
  id: number;
  error: string;
  at: IsoDateTime;
}

export interface FieldMapping {
  odoo: string;
  ours: string;
}

export interface SyncStatus {
  connection: OdooConnection;
  counts: Record<SyncState, number>;
  lastDead: DeadLetter | null;
  /** Number of Magnetiq records linked to an Odoo record, per Odoo model (`res.partner`, `crm.lead`). */
  linked: Record<string, number>;
  mapping: FieldMapping[];
}

export type TestConnectionResult =
  | { ok: true; protocol: 'xmlrpc' | 'json2'; version: string; userId: number; user: string }
  | { ok: false; error: string; protocol?: 'xmlrpc' | 'json2'; version?: string };

export interface ResyncResult {
  queued: number;
}
