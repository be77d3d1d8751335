/**
 * From a lead event of the leads core to Odoo values. Pure: no I/O, ids are passed in.
 *
 * References stored on the Odoo side (documented in docs/adr/0003-odoo-sync.md):
 * - res.partner.ref = "magnetiq:<contact document id>" on partners we create;
 * - crm.lead.description ends with the marker "[magnetiq-lead:<lead key>]", found again with
 *   `ilike` before creating, so a retry whose first answer was lost never creates a second lead.
 */
import type { ActivityRecord, ConsentRecord, ContactRecord, SubmittedIdentity } from '@magnetiq/plugin-leads/contract';

/** The lead event's parts are the leads contract's records (contacts.timeline), as far as the mapping reads them. */
export type LeadContact = Pick<ContactRecord, 'documentId' | 'email' | 'updatedAt'> &
  Partial<Pick<ContactRecord, 'firstName' | 'lastName' | 'company' | 'jobTitle' | 'phone' | 'language'>> & {
    /** set once the contact confirmed the address (double opt-in); null for anonymous input */
    confirmedAt?: ContactRecord['confirmedAt'];
  };

export type LeadActivity = Pick<ActivityRecord, 'documentId' | 'type' | 'occurredAt'> &
  Partial<Pick<ActivityRecord, 'reference' | 'title' | 'utmSource' | 'utmMedium' | 'utmCampaign'>> & {
    details?: { message?: string; submitted?: TypedIdentity } | null;
  };

export type LeadConsent = Pick<ConsentRecord, 'purpose' | 'action' | 'textVersion' | 'recordedAt'>;

export interface LeadEvent {
  contact: LeadContact;
  activity: LeadActivity;
  consents: LeadConsent[];
}

/** What the visitor typed on one form (leads core: activity.details.submitted). */
export type TypedIdentity = SubmittedIdentity;

export interface OdooPartner {
  id: number;
  /** "magnetiq:<contact id>" on the partners we created */
  ref: string | false;
  name: string | false;
  phone: string | false;
  function: string | false;
  parent_id: [number, string] | false;
  write_date: string;
}

/** How each of our activity types is named in the CRM: lead name prefix and tag. */
const ACTIVITY_LABELS: Record<string, string> = {
  'contact-form': 'Contact form',
  'webinar-registration': 'Webinar',
  'webinar-attendance': 'Webinar attended',
  'whitepaper-download': 'Whitepaper',
  booking: 'Consultation',
};

export const activityLabel = (type: string) =>
  ACTIVITY_LABELS[type] ?? type.replace(/[-_]+/g, ' ').replace(/^\w/, (letter) => letter.toUpperCase());

export const partnerRef = (contactDocumentId: string) => `magnetiq:${contactDocumentId}`;

/**
 * Only partners we created are ours to write (docs/adr/0014-contact-identity.md): any other one
 * with the same email may be a customer CRM staff keep, and a public form is no authority over it.
 */
export const createdByMagnetiq = (partner: Pick<OdooPartner, 'ref'>) =>
  typeof partner.ref === 'string' && partner.ref.startsWith('magnetiq:');

/** A contact who confirmed the address: only then may its input create Odoo records by default. */
export const isConfirmed = (contact: Pick<LeadContact, 'confirmedAt'>) => Boolean(contact.confirmedAt);

/** What a visitor typed, as one line for sales (values quoted, so they read as input, not as our words). */
export function typedSummary(typed?: TypedIdentity | null): string | undefined {
  if (!typed) return undefined;
  const name = [present(typed.firstName), present(typed.lastName)].filter(Boolean).join(' ');
  const parts: Array<[string, string | undefined]> = [
    ['name', name || undefined],
    ['company', present(typed.company)],
    ['job title', present(typed.jobTitle)],
    ['phone', present(typed.phone)],
    ['country', present(typed.country)],
  ];
  const entered = parts.filter(([, value]) => value !== undefined).map(([label, value]) => `${label} "${value}"`);
  return entered.length > 0 ? entered.join(', ') : undefined;
}

/** The note on a lead linked to a partner Magnetiq did not create (and so did not change). */
export function foreignPartnerNote(partnerId: number, typed?: TypedIdentity | null): string {
  const entered = typedSummary(typed);
  return `Note: linked to the existing Odoo partner #${partnerId}, which Magnetiq did not create and did not change.${entered ? ` The form said: ${entered}.` : ''}`;
}
/** One lead per contact and item: a second registration for the same webinar updates it. */
export const leadKey = ({ contact, activity }: Pick<LeadEvent, 'contact' | 'activity'>) =>
  `${contact.documentId}:${activity.type}:${activity.reference ?? '-'}`;

export const leadMarker = (key: string) => `[magnetiq-lead:${key}]`;

export const odooLanguage = (language?: string | null) => (language === 'de' ? 'de_DE' : 'en_US');

const present = (value?: string | null) => (value && value.trim() !== '' ? value.trim() : undefined);

export const fullName = (contact: LeadContact) =>
  [present(contact.firstName), present(contact.lastName)].filter(Boolean).join(' ') || undefined;

export function leadName({ contact, activity }: Pick<LeadEvent, 'contact' | 'activity'>): string {
  const label = activityLabel(activity.type);
  // a title that only repeats the label ("Contact form") says nothing: name who wrote instead
  const title = present(activity.title);
  const item = title && title.toLowerCase() !== label.toLowerCase() ? title : undefined;
  const subject = item ?? present(contact.company) ?? fullName(contact) ?? contact.email;
  return `${label}: ${subject}`;
}

/** Tags for the plugin and the item, e.g. ["Webinar", "Webinar: Pipeline basics"]. */
export function tagNames(activity: LeadActivity): string[] {
  const label = activityLabel(activity.type);
  const title = present(activity.title);
  const item =
    (title && title.toLowerCase() !== label.toLowerCase() ? title : undefined) ?? present(activity.reference);
  return item ? [label, `${label}: ${item}`] : [label];
}

const day = (value: string | Date) => new Date(value).toISOString().slice(0, 10);

export function consentSummary(consents: LeadConsent[]): string {
  if (consents.length === 0) return 'Consent: none recorded';
  const lines = consents.map(
    (consent) => `- ${consent.purpose}: ${consent.action} (${day(consent.recordedAt)}, text ${consent.textVersion})`,
  );
  return ['Consent:', ...lines].join('\n');
}

/** The block one event adds to the lead's description; its header names the activity. */
export function activityBlock({ activity }: Pick<LeadEvent, 'activity'>, notes: string[] = []): string {
  const header = `${activityLabel(activity.type)} on ${day(activity.occurredAt)} (ref ${activity.documentId})`;
  const message = present(activity.details?.message);
  return [header, ...notes, ...(message ? [message] : [])].join('\n');
}

/**
 * The lead description: newest event first, then older ones, then the consent summary and the
 * marker. An event already in the description (a replay) is not added again.
 */
export function leadDescription(
  event: LeadEvent,
  key: string,
  existing?: string | false | null,
  notes: string[] = [],
): string {
  const marker = leadMarker(key);
  const withoutMarker = existing ? existing.replace(marker, '') : '';
  const consentAt = withoutMarker.lastIndexOf('Consent:');
  const previousBlocks = (consentAt >= 0 ? withoutMarker.slice(0, consentAt) : withoutMarker).trim();
  const block = activityBlock(event, notes);
  const blocks = previousBlocks.includes(`(ref ${event.activity.documentId})`)
    ? previousBlocks
    : [block, previousBlocks].filter(Boolean).join('\n\n');
  return [blocks, consentSummary(event.consents), marker].join('\n\n');
}

export function newPartnerValues(contact: LeadContact, ids: { companyId?: number; lang?: string }) {
  return compact({
    name: fullName(contact) ?? contact.email,
    email: contact.email,
    phone: present(contact.phone),
    function: present(contact.jobTitle),
    parent_id: ids.companyId,
    lang: ids.lang,
    ref: partnerRef(contact.documentId),
  });
}

/** Odoo's datetimes are UTC without a zone: "2026-11-25 09:30:00". */
export const parseOdooDate = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);

/**
 * What to write on a partner that exists: our name, phone and job title only when ours is newer
 * than Odoo's last change and not empty (CRM staff may have corrected them); the company only
 * when the partner has none.
 */
export function partnerUpdates(partner: OdooPartner, contact: LeadContact, ids: { companyId?: number }) {
  const updates: Record<string, unknown> = {};
  const oursIsNewer = new Date(contact.updatedAt).getTime() > parseOdooDate(partner.write_date).getTime();
  if (oursIsNewer) {
    const candidates = { name: fullName(contact), phone: present(contact.phone), function: present(contact.jobTitle) };
    for (const [field, value] of Object.entries(candidates)) {
      if (value !== undefined && value !== partner[field as 'name' | 'phone' | 'function']) updates[field] = value;
    }
  }
  if (ids.companyId && !partner.parent_id) updates.parent_id = ids.companyId;
  return updates;
}

export interface LeadIds {
  partnerId: number;
  sourceId?: number;
  mediumId?: number;
  campaignId?: number;
  tagIds: number[];
  langId?: number;
}

export function leadValues(
  event: LeadEvent,
  key: string,
  ids: LeadIds,
  existingDescription?: string | false | null,
  notes: string[] = [],
) {
  const { contact } = event;
  return compact({
    type: 'lead',
    name: leadName(event),
    partner_id: ids.partnerId,
    contact_name: fullName(contact),
    partner_name: present(contact.company),
    email_from: contact.email,
    phone: present(contact.phone),
    function: present(contact.jobTitle),
    description: leadDescription(event, key, existingDescription, notes),
    source_id: ids.sourceId,
    medium_id: ids.mediumId,
    campaign_id: ids.campaignId,
    tag_ids: ids.tagIds.length > 0 ? [[6, 0, ids.tagIds]] : undefined,
    lang_id: ids.langId,
  });
}

/** Escapes `%`, `_` and `\` for Odoo's `=ilike` (SQL ILIKE), so an address matches only itself. */
export const ilikeExact = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The mapping as the admin shows it (read-only). */
export const FIELD_MAPPING = [
  {
    odoo: 'res.partner.email',
    ours: 'contact email (normalised: trimmed, lowercase); partners are deduplicated on it',
  },
  {
    odoo: 'res.partner.name / phone / function',
    ours: 'first + last name / phone / job title, on partners Magnetiq created only (updated when ours is newer and not empty); a partner with the same email that Magnetiq did not create is linked, never changed',
  },
  {
    odoo: 'res.partner.parent_id',
    ours: 'company, as a company partner (is_company); from a confirmed contact only, unless ODOO_CREATE_FROM_UNCONFIRMED',
  },
  { odoo: 'res.partner.ref', ours: '"magnetiq:<contact id>" on partners we create' },
  { odoo: 'crm.lead.name', ours: 'activity label and item, e.g. "Webinar: <title>"' },
  { odoo: 'crm.lead.contact_name / partner_name / email_from / phone', ours: 'name / company / email / phone' },
  { odoo: 'crm.lead.description', ours: 'messages (newest first), consent summary, reference marker' },
  {
    odoo: 'crm.lead.source_id / medium_id / campaign_id',
    ours: 'utm_source / utm_medium / utm_campaign (found; created only for a confirmed contact, unless ODOO_CREATE_FROM_UNCONFIRMED)',
  },
  { odoo: 'crm.lead.tag_ids', ours: 'the plugin ("Webinar") and the item ("Webinar: <title>")' },
  { odoo: 'crm.lead.lang_id, res.partner.lang', ours: 'contact language (en → en_US, de → de_DE)' },
];

function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
