/** Shapes of the leads admin API (`/leads/...`); every response is `{ data, meta? }`. */
import type { ContactRecord, ContactStatus, TimelineEntry } from '../../server/src/contract';

export type { ContactStatus };
export const CONTACT_STATUSES: readonly ContactStatus[] = ['new', 'confirmed', 'unsubscribed', 'erased'];

export const OUTBOX_STATUSES = ['pending', 'processing', 'done', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type IsoDateTime = string;

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface ListResponse<T> {
  data: T[];
  meta: { pagination: Pagination };
}

export interface DataResponse<T> {
  data: T;
}

/** What JSON makes of a server record: its dates arrive as ISO strings. */
type OverJson<T> = { [K in keyof T]: Exclude<T[K], Date> };

/** The contacts service's record (the leads contract), as the admin API answers it. */
export type Contact = OverJson<ContactRecord>;

export type ConsentAction = 'requested' | 'granted' | 'withdrawn';

/** One append-only consent record; `action` says whether consent was requested, granted or withdrawn. */
export interface Consent {
  id: number;
  purpose: string;
  action: ConsentAction;
  textVersion: string;
  source: string;
  recordedAt: IsoDateTime;
  ipHash: string | null;
  userAgent: string | null;
}

export interface Activity {
  id: number;
  type: string;
  reference: string | null;
  title: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  referrer: string | null;
  landingPage: string | null;
  occurredAt: IsoDateTime;
}

/** A line another plugin adds to the timeline (the newsletter's campaigns), when the viewer may see it. */
export type { TimelineEntry };

export interface ContactTimeline {
  contact: Contact;
  consents: Consent[];
  activities: Activity[];
  entries: TimelineEntry[];
}

export interface OutboxMessage {
  id: number;
  topic: string;
  idempotencyKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: IsoDateTime | null;
  lastError: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  doneAt: IsoDateTime | null;
}

export interface OutboxStats {
  byStatus: Record<OutboxStatus, number>;
  byTopic: Record<string, Partial<Record<OutboxStatus, number>>>;
}

export interface EmailLogEntry {
  id: number;
  to: string;
  subject: string;
  template: string | null;
  transport: string;
  providerMessageId: string | null;
  sentAt: IsoDateTime;
  text: string | null;
}
