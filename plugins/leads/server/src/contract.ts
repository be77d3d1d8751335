/**
 * The leads core's contract: what the other Magnetiq plugins may call, as types only. They import
 * it with `import type { LeadsApi } from '@magnetiq/plugin-leads/contract'` (erased at build: no
 * plugin bundles another plugin's code) and reach the services with `leadsApi(strapi)`-style
 * helpers. The leads services are checked against these types in services/index.ts, so the
 * contract cannot drift from what runs. docs/adr/0019-plugin-kit-and-leads-contract.md.
 *
 * Self-contained on purpose: no import of the leads plugin's own modules, only Strapi, knex, yup
 * and the kit.
 */
import type { Knex } from 'knex';
import type { validateYupSchema, yup } from '@strapi/utils';
import type { AnalyticsFilter, AnalyticsTable, LeadFormValues } from '@magnetiq/plugin-kit/server';

/** A locale code configured in Strapi's i18n (the `locales` service checks it), e.g. `fr` or `pt-BR`. */
export type LeadLocale = string;

// ---------------------------------------------------------------- capture

/** A lead: the fields of the kit's lead form (`LeadFormValues`: contact, consent, UTM, pages) and these. */
export interface LeadInput extends LeadFormValues {
  language?: LeadLocale;
  /** the form or plugin that captured the lead, e.g. "contact-form" */
  source: string;
  activity: LeadActivityInput;
  /** free text from the visitor (contact form message), for sales */
  message?: string | null;
}

/**
 * What the visitor typed on one form, kept on the activity as `details.submitted` (a confirmed
 * contact's own fields are not overwritten by a public form, docs/adr/0014): the identity fields
 * of the LeadInput that were given.
 */
export type SubmittedIdentity = {
  [K in 'firstName' | 'lastName' | 'company' | 'jobTitle' | 'phone' | 'country']?: NonNullable<LeadInput[K]>;
};

export interface LeadActivityInput {
  type: string;
  reference?: string;
  title?: string;
  details?: Record<string, unknown>;
}

export interface CapturedLead {
  contactId: number;
  contactDocumentId: string;
  activityId: number;
  activityDocumentId: string;
  /** true when the contact must still confirm marketing emails (double opt-in) */
  confirmationSent: boolean;
}

export interface CaptureContext {
  ip?: string;
  userAgent?: string;
  /** extra outbox messages written in the same transaction (e.g. the plugin's own email) */
  outbox?: (lead: CapturedLead) => OutboxMessage[];
  /** send the visitor the contact-form receipt */
  sendReceipt?: boolean;
}

export interface CaptureApi {
  /** Contact, consents, activity and outbox rows in one transaction; joins the caller's transaction. */
  captureLead(input: LeadInput, context?: CaptureContext): Promise<CapturedLead>;
  /** A later activity of a known contact (no consent given); null for an unknown or erased contact. */
  recordActivity(
    contactDocumentId: string,
    activity: LeadActivityInput & { source: string },
  ): Promise<{ activityDocumentId: string } | null>;
}

// ---------------------------------------------------------------- the lead.captured event

/**
 * Published inside the capture transaction for every activity the core records (a form's lead or
 * a later activity): each subscriber answers with outbox messages, written in the same
 * transaction, so a subscriber (odoo-sync) hears of every lead exactly once, even on a crash.
 */

export interface LeadCapturedEvent {
  /** the activity's document id */
  activity: string;
  /** the contact's document id; absent on a new capture, where the statement fills `payload.contact` of the messages */
  contact?: string;
  source: string;
  type: string;
  reference: string | null;
  title: string | null;
}

/** A subscriber's outbox messages for one captured lead (the core adds the contact). */
export type LeadCapturedSubscriber = (
  event: LeadCapturedEvent,
) => Array<Pick<OutboxMessage, 'topic' | 'idempotencyKey' | 'payload'>>;

export interface EventsApi {
  onLeadCaptured(subscriber: LeadCapturedSubscriber): void;
}

// ---------------------------------------------------------------- contacts and erase

/** A contact's status (the contact content type's enumeration). */
export type ContactStatus = 'new' | 'confirmed' | 'unsubscribed' | 'erased';

export interface ContactRecord {
  id: number;
  documentId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  jobTitle: string | null;
  phone: string | null;
  country: string | null;
  language: LeadLocale | null;
  status: ContactStatus;
  confirmedAt: string | Date | null;
  unsubscribedAt: string | Date | null;
  erasedAt: string | Date | null;
  lastActivityAt: string | Date | null;
  createdAt: string | Date;
  updatedAt: string | Date;
}

export interface ActivityRecord {
  id: number;
  documentId: string;
  type: string;
  reference: string | null;
  title: string | null;
  details: Record<string, unknown> | null;
  language: string | null;
  occurredAt: string | Date;
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  utmTerm?: string | null;
  utmContent?: string | null;
  referrer?: string | null;
  landingPage?: string | null;
}

export interface ConsentRecord {
  id: number;
  purpose: string;
  action: string;
  textVersion: string;
  source: string | null;
  recordedAt: string | Date;
}

export interface ContactTimeline {
  contact: ContactRecord;
  consents: ConsentRecord[];
  activities: ActivityRecord[];
}

/**
 * What a plugin's eraser gets when a contact is erased (GDPR Art. 17). Every eraser runs inside
 * the erase transaction: its writes commit or roll back with the contact's own.
 */
export interface ErasedContact {
  contactId: number;
  contactDocumentId: string;
  /** the normalised address before the erase: only to find copies of it, never to store */
  email: string;
  /** what stands in for the address from now on (erased-<hash>@erased.invalid) */
  placeholderEmail: string;
  trx: Knex.Transaction;
  now: Date;
  /** Scrubs outbox rows (and their email-log rows) whose idempotency key contains one of `references`. */
  scrubDeliveries(references: string[]): Promise<number>;
}

/** A plugin's part of the erase; registered in bootstrap with `contacts.onErase`. */
export type ContactEraser = (erased: ErasedContact) => Promise<unknown>;

/**
 * One line another plugin adds to a contact's timeline in the leads admin (e.g. "newsletter
 * opened"), shown among the core's activities, newest first.
 */
export interface TimelineEntry {
  /** unique within the contact's timeline, e.g. `newsletter:12:opened` */
  key: string;
  /** what happened, e.g. `newsletter-opened` (shown like an activity type) */
  type: string;
  /** what it was about, e.g. the campaign's name */
  title: string | null;
  reference: string | null;
  /** ISO 8601 */
  occurredAt: string;
}

/**
 * A plugin's part of the contact timeline, registered in bootstrap with `contacts.registerTimeline`.
 * Its entries are personal data of its own: the core shows them only to an admin who holds
 * `permission` besides the core's `contacts.read` (and puts them in the GDPR export).
 */
export interface TimelineProvider {
  /** the plugin that adds the entries (for logs) */
  source: string;
  /** the admin permission action a viewer needs to see them, e.g. `plugin::newsletter.history.read` */
  permission: string;
  entries(contact: { id: number; documentId: string }): Promise<TimelineEntry[]>;
}

export interface ContactsApi {
  onErase(eraser: ContactEraser): void;
  /** Adds a plugin's entries to the contact timeline of the leads admin (docs/adr/0027). */
  registerTimeline(provider: TimelineProvider): void;
  /** The public face of a contact for other plugins; null when unknown. */
  get(documentId: string): Promise<ContactRecord | null>;
  /** The contact with every consent and activity, newest first; null when unknown. */
  timeline(documentId: string): Promise<ContactTimeline | null>;
}

// ---------------------------------------------------------------- outbox

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  /** unique per delivery: a second enqueue with the same key is ignored */
  idempotencyKey: string;
  contactId?: number;
  /** deliver no earlier than this (e.g. a reminder) */
  notBefore?: Date;
}

/** One delivery as a handler gets it: the payload is what the writer put in, to be narrowed by the handler. */
export interface OutboxDelivery<P = Record<string, unknown>> {
  id: number;
  topic: string;
  payload: P;
  idempotencyKey: string;
  attempt: number;
}

// the payload is the writer's JSON; a handler declares the shape it reads (method syntax: bivariant)
export type OutboxHandler = { bivarianceHack(message: OutboxDelivery<never>): Promise<unknown> }['bivarianceHack'];

/** What a batch handler says of each message of its batch, in the batch's order: one failure fails only its row. */
export type OutboxBatchOutcome = { ok: true; result?: unknown } | { ok: false; error: unknown };

// like OutboxHandler: the handler declares the payload shape it reads (method syntax: bivariant)
export type OutboxBatchHandler = {
  bivarianceHack(messages: Array<OutboxDelivery<never>>): Promise<OutboxBatchOutcome[]>;
}['bivarianceHack'];

export interface HandlerOptions {
  /** attempts before dead-letter for this topic (default: the outbox config) */
  maxAttempts?: number;
  /**
   * deliver up to `maxSize` due rows of the topic in one call of `handle` (e.g. one Odoo create for many
   * records); a throw fails the whole batch, an outcome per row fails only that row
   */
  batch?: { maxSize: number; handle: OutboxBatchHandler };
  /** deliveries of this topic in flight at once on one instance (default 1; opt in only when the receiver allows it) */
  concurrency?: number;
  /** false while the receiver cannot take anything (e.g. Odoo not configured): the rows are parked until it is true again */
  ready?: () => boolean;
}

export interface OutboxListItem {
  id: number;
  topic: string;
  idempotencyKey: string;
  status: 'pending' | 'processing' | 'done' | 'dead' | 'parked';
  attempts: number;
  nextAttemptAt: Date | string | null;
  lastError: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  doneAt: Date | string | null;
}

export interface OutboxApi {
  registerHandler(topic: string, handle: OutboxHandler, options?: HandlerOptions): void;
  /** Writes messages (in the caller's transaction when there is one); a known idempotency key is skipped. */
  enqueue(messages: OutboxMessage[]): Promise<unknown>;
  stats(): Promise<{ byStatus: Record<string, number>; byTopic: Record<string, Record<string, number>> }>;
  list(query: { status?: string; topic?: string; page?: number; pageSize?: number }): Promise<{
    results: OutboxListItem[];
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
  }>;
}

// ---------------------------------------------------------------- email templates

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** marketing emails carry List-Unsubscribe (RFC 2369 / RFC 8058) */
  marketing: boolean;
}

/** What a plugin's template gets to build HTML like the core's emails, escaping visitor input. */
export interface EmailKit {
  escapeHtml(value: string): string;
  layout(bodyHtml: string, footerHtml?: string): string;
  paragraphs(text: string): string;
}

export interface EmailAttachment {
  filename: string;
  /** MIME type, e.g. `text/calendar; method=REQUEST` */
  type: string;
  /** base64 of the file's bytes */
  content: string;
  disposition?: 'attachment' | 'inline';
}

/** The payload of an `email.send` outbox message. */
export interface EmailPayload {
  template: string;
  locale: LeadLocale;
  to: string;
  data: Record<string, unknown>;
  /** contact document id, for the unsubscribe link of marketing emails */
  contact?: string;
  attachments?: EmailAttachment[];
}

/**
 * A plugin's own email, rendered when the outbox delivers it in one of the locales it was registered with; `data.siteName` is set.
 * Values from visitors must go through `kit.escapeHtml` or `kit.paragraphs`.
 */
export type TemplateRenderer = {
  bivarianceHack(locale: LeadLocale, data: never, kit: EmailKit): RenderedEmail;
}['bivarianceHack'];

/**
 * Asked before every email leaves (registered by plugins that learn of bounces and complaints, e.g.
 * the newsletter's event webhook): a reason string stops the email, null lets it go.
 */
export type EmailSuppression = (to: string, kind: { marketing: boolean }) => Promise<string | null>;

export interface EmailApi {
  /** Registers a check run before each email is sent; a suppressed email is logged as skipped, never sent. */
  registerSuppression(check: EmailSuppression): void;
  /**
   * Plugins register their templates in `register` or `bootstrap`, before the outbox starts.
   * `locales`: the languages the template is written in (the keys of its copy); others fall back
   * to the default locale, then the first of these (docs/adr/0022-locales-as-data.md).
   */
  registerTemplate(name: string, renderer: TemplateRenderer, locales: readonly string[]): void;
}

// ---------------------------------------------------------------- marketing audience and choices

/** Narrows the marketing audience; every part is optional and they combine with AND. */
export interface AudienceFilter {
  languages?: string[];
  /** ISO 8601: confirmed (double opt-in) at or after */
  confirmedFrom?: string;
  /** ISO 8601: confirmed before */
  confirmedBefore?: string;
  /**
   * activities the contact must have: each entry must match (AND), an entry matches an activity of
   * any of its types and (when given) any of its references, e.g. `{ types: ['whitepaper-download'], references: [paper] }`
   */
  activities?: Array<{ types: string[]; references?: string[] }>;
  utmSources?: string[];
  utmMediums?: string[];
  utmCampaigns?: string[];
  /**
   * conditions other plugins know (registered with `marketing.registerCriterion`): each entry must
   * match (AND), a contact matches an entry when it matches any of its values; an entry naming no
   * registered criterion matches nobody
   */
  criteria?: Array<{ name: string; values: string[] }>;
}

/** A value of a criterion or an activity reference the segment editor offers. */
export interface AudienceOption {
  value: string;
  label: string;
}

/**
 * A condition on contacts that another plugin knows from its own tables, e.g. "attended webinar X"
 * (webinars) or "their crm.lead is in stage Y" (odoo-sync). The core composes it into the audience
 * query as a subquery, so a segment of 100,000 is still one statement; the owner writes the SQL
 * over its own tables, nobody else reads them.
 */
export interface AudienceCriterion {
  /** shown in the segment editor, e.g. "Attended a webinar" */
  label: string;
  /** the values to choose from (a select in the segment editor) */
  options(): Promise<AudienceOption[]>;
  /** the document ids of the contacts that match any of `values`: a query selecting one column, built on `knex` */
  contacts(values: string[], knex: Knex): Knex.QueryBuilder;
}

export interface RegisteredCriterion {
  name: string;
  label: string;
  options: AudienceOption[];
}

export interface MarketingChoice {
  action: 'requested' | 'granted' | 'withdrawn';
  /** what was chosen, e.g. `newsletter-topic:product-news` (at most 100 characters) */
  textVersion: string;
  /** where, e.g. `newsletter-preferences` */
  source: string;
  ip?: string;
  userAgent?: string;
}

export interface MarketingApi {
  /**
   * Contacts who confirmed marketing email and have not withdrawn it, as a query with the columns
   * `id`, `document_id`, `email`, `language`, `confirmed_at` (count it, or insert from it in bulk).
   * `knex`: a transaction to build it in.
   */
  audience(filter?: AudienceFilter, knex?: Knex): Knex.QueryBuilder;
  /** A consent record (purpose marketing-email) of a contact's choice; null for an unknown or erased contact. */
  recordChoice(contactDocumentId: string, choice: MarketingChoice): Promise<{ recorded: true } | null>;
  /** Unsubscribes the contact from all marketing email (status, consent record, activity); idempotent. */
  withdraw(contactDocumentId: string, source: string): Promise<{ withdrawn: boolean } | null>;
  /** Sets the contact's email language (the caller checks it is a configured locale). */
  setLanguage(contactDocumentId: string, language: string): Promise<boolean>;
  /** A plugin's audience condition, registered in bootstrap under a name like `webinar-attended`. */
  registerCriterion(name: string, criterion: AudienceCriterion): void;
  /** The registered criteria with their current options (for the segment editor and to check a filter). */
  criteria(): Promise<RegisteredCriterion[]>;
  /** The activity types recorded so far (the sources a lead came in through). */
  activityTypes(): Promise<string[]>;
  /** The references of one activity type with their latest title, e.g. the whitepapers requested (at most 500). */
  activityReferences(type: string): Promise<AudienceOption[]>;
}

export interface LocaleSet {
  /** every configured code, the default first */
  codes: string[];
  defaultLocale: string;
}

export interface LocalesApi {
  /** The locales configured in Strapi's i18n and the default one (cached, docs/adr/0022). */
  list(): Promise<LocaleSet>;
  defaultLocale(): Promise<string>;
  isSupported(code: unknown): Promise<boolean>;
  /** A configured locale code, the default for a missing one; a 400 naming `field` for any other. */
  resolve(value: unknown, field?: string): Promise<string>;
  /** The best of `available` for `requested`: itself, else the default locale, else the first. */
  fallback(requested: string | null | undefined, available: readonly string[]): Promise<string>;
}

export interface DeprecationsApi {
  /** Marks an answer that accepted a deprecated input name (`Deprecation` and `Link` headers, docs/api.md). */
  mark(
    ctx: { set: (name: string, value: string) => void; append?: (name: string, value: string) => void },
    oldName: string,
    newName: string,
  ): void;
}

// ---------------------------------------------------------------- forms, rate limits, audit, links, metrics

export interface FormsApi {
  /** Unknown keys and non-strings are a 400 (with field codes) before yup casts. */
  strictValidator<T>(schema: Parameters<typeof validateYupSchema>[0]): (body: unknown) => Promise<T>;
  /** The contact form's lead fields (with `language`), for forms that extend the core's. */
  leadFields: Record<string, yup.AnySchema>;
}

export interface RateLimitApi {
  /** Throws a RateLimitError (429) once a form's limit for the IP or the email is used up. */
  check(form: string, keys: { ip?: string; email?: string }, options?: { ipPointsFactor?: number }): Promise<void>;
  /** `check` for a controller: a 429 also carries the Retry-After header. */
  checkRequest(
    ctx: { set(field: string, value: string): void },
    form: string,
    keys: { ip?: string; email?: string },
  ): Promise<void>;
}

/** One row of the append-only audit log. */
export interface AuditEntry {
  id: number;
  actorId: number | null;
  actorEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown> | null;
  occurredAt: string | Date;
}

/** Filters of the audit log (all optional, combined with AND); `action` ending in `.*` matches a prefix. */
export interface AuditSearch {
  actorId?: number;
  action?: string;
  subjectType?: string;
  from?: Date;
  to?: Date;
  page?: number;
  pageSize?: number;
}

export interface AuditApi {
  /** The audit log, newest first, filtered (the editorial plugin's audit page, Super Admin only). */
  search(filters: AuditSearch): Promise<{
    results: AuditEntry[];
    pagination: { page: number; pageSize: number; total: number; pageCount: number };
  }>;
  /** A read of personal data by an admin user (lists and exports of other plugins). */
  adminRead(
    user: { id?: number; email?: string } | undefined,
    action: string,
    subject: { type: string; id: string | number },
    details?: Record<string, unknown>,
  ): Promise<void>;
}

export interface TokensApi {
  /** A key for one purpose label derived from the leads secret (for plugins without a secret of their own). */
  derivedSecret(label: string): string;
}

/** Cache invalidation across instances (docs/adr/0025): a broadcast runs every instance's subscribers of the topic. */
export interface ClusterApi {
  /** Runs `subscriber` on every broadcast of `topic` (this instance's at once, others' when notified); answers the unsubscribe. */
  subscribe(topic: string, subscriber: () => void): () => boolean;
  broadcast(topic: string): Promise<void>;
}

export interface MetricsApi {
  /** Times one third-party call (magnetiq_external_call_duration_seconds). */
  timeExternal<T>(service: string, operation: string, call: () => Promise<T>): Promise<T>;
}

// ---------------------------------------------------------------- analytics

/** The leads core's part of the lead analytics dashboard (docs/adr/0011-lead-analytics.md). */
export interface LeadsAnalyticsApi {
  /** `timeline`, `funnel` (submitted, confirmed), `utm-source|medium|campaign`, `outbox`, like every plugin's sections. */
  sections(filter: AnalyticsFilter): Promise<AnalyticsTable[]>;
  /**
   * How many contacts of each group (contact document ids, e.g. odoo-sync's contacts with a lead)
   * had an activity in the filter's range and locale: counts only. Pass the same arrays on every
   * call (from the caller's own snapshot): their resolution is kept per array.
   */
  countActive(filter: AnalyticsFilter, groups: Record<string, readonly string[]>): Promise<Record<string, number>>;
}

/**
 * The leads core as the other plugins see it, one key per service (camelCase of the service
 * name: `rateLimit` is the `rate-limit` service); reach it with the kit's `pluginApi`.
 */
export interface LeadsApi {
  capture: CaptureApi;
  events: EventsApi;
  contacts: ContactsApi;
  outbox: OutboxApi;
  email: EmailApi;
  forms: FormsApi;
  rateLimit: RateLimitApi;
  audit: AuditApi;
  tokens: TokensApi;
  metrics: MetricsApi;
  cluster: ClusterApi;
  locales: LocalesApi;
  deprecations: DeprecationsApi;
  analytics: LeadsAnalyticsApi;
  marketing: MarketingApi;
}

export type LeadsServiceName = keyof LeadsApi;
