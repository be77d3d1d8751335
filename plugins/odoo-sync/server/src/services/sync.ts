import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  createdByMagnetiq,
  foreignPartnerNote,
  ilikeExact,
  isConfirmed,
  leadKey,
  leadMarker,
  leadValues,
  newPartnerValues,
  odooLanguage,
  partnerUpdates,
  tagNames,
  type LeadEvent,
  type LeadIds,
  type OdooPartner,
} from '../domain/mapping';
import { ODOO_TOPIC } from '@magnetiq/plugin-kit/server';
import type { OutboxBatchOutcome } from '@magnetiq/plugin-leads/contract';
import { anyOf, type Domain, type DomainTerm, type Values } from '../transport/types';
import { deliveryError, getConfig, getService, leads, LINK_UID } from '../utils';

export type SyncPayload = { contact?: string; activity?: string; erased?: boolean };
/** An outbox message of the topic: the attempt tells a first delivery from a retry. */
export type SyncMessage = { payload: SyncPayload; attempt?: number };

/** One event of a batch: its place in the batch, and its attempt. */
interface SyncItem {
  index: number;
  event: LeadEvent;
  attempt: number;
}
interface PartnerOfEvent {
  partnerId: number;
  /** the note for the lead when the partner is not ours */
  notes: string[];
}
interface LeadOfEvent {
  leadId: number;
  created: boolean;
}

/** how long a UTM name Odoo does not have is taken as missing before it is searched again */
const MISS_TTL_MS = 60_000;
const PARTNER_FIELDS = ['id', 'name', 'phone', 'function', 'parent_id', 'write_date', 'ref'];
/** archived records count too: CRM staff archive leads they lost, we must not recreate them */
const ANY_ACTIVE: DomainTerm[] = ['|', ['active', '=', true], ['active', '=', false]];

const partnerKey = (event: LeadEvent) => `partner:${event.contact.documentId}`;

/**
 * The `odoo.upsert-lead` outbox handler: lead events become res.partners (deduplicated on the
 * email) and one crm.lead per contact and item, a batch at a time: one search_read for all the
 * batch's emails, one create per model for all its new records (docs/adr/0025). Every step
 * looks up before it creates and stores the Odoo ids on our side as soon as they are known, so a
 * retry after any failure (even one whose write went through but whose answer was lost)
 * continues without creating twins.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const odoo = () => getService(strapi, 'client');
  // Names of UTM records, tags and languages hardly change: one lookup per name and process.
  const idCache = new Map<string, number | null>();
  const missedAt = new Map<string, number>();

  const links = {
    /** The Odoo ids linked to these keys. */
    async get(keys: string[]): Promise<Map<string, number>> {
      if (keys.length === 0) return new Map();
      const found = await strapi.db
        .query(LINK_UID)
        .findMany({ where: { key: { $in: keys } }, select: ['key', 'odooId'] });
      return new Map(
        found.filter((link) => link.odooId).map((link) => [link.key as string, Number(link.odooId)] as const),
      );
    },
    async set(entries: Array<{ key: string; model: string; odooId: number; contactDocumentId?: string }>) {
      if (entries.length === 0) return;
      const now = new Date();
      await strapi.db
        .connection('odoo_sync_links')
        .insert(
          entries.map(({ key, model, odooId, contactDocumentId }) => ({
            document_id: randomUUID().replace(/-/g, '').slice(0, 24),
            key,
            model,
            odoo_id: odooId,
            contact_document_id: contactDocumentId ?? null,
            synced_at: now,
            created_at: now,
            updated_at: now,
            published_at: now,
          })),
        )
        .onConflict('key')
        .merge(['odoo_id', 'synced_at', 'updated_at']);
    },
    async forget(keys: string[]) {
      if (keys.length > 0) await strapi.db.query(LINK_UID).deleteMany({ where: { key: { $in: keys } } });
    },
  };

  const findOrCreateByName = async (
    model: string,
    name: string,
    extra: Record<string, unknown> = {},
    domain: Domain = [],
  ) => {
    const cacheKey = `${model}:${name.toLowerCase()}`;
    if (idCache.has(cacheKey)) return idCache.get(cacheKey)!;
    const [found] = await odoo().search(model, [['name', '=ilike', ilikeExact(name)], ...domain], { limit: 1 });
    const id = found ?? (await odoo().create(model, { name, ...extra }));
    idCache.set(cacheKey, id);
    return id;
  };

  /** An existing record by name, never a new one (input nobody confirmed); undefined when Odoo has none. */
  const findByName = async (model: string, name: string) => {
    const cacheKey = `${model}:${name.toLowerCase()}`;
    if (idCache.get(cacheKey)) return idCache.get(cacheKey)!;
    // a name Odoo does not have is asked again after a while (CRM staff may create it), not for every lead
    const missed = missedAt.get(cacheKey);
    if (missed !== undefined && Date.now() - missed < MISS_TTL_MS) return undefined;
    const [found] = await odoo().search(model, [['name', '=ilike', ilikeExact(name)]], { limit: 1 });
    if (found) idCache.set(cacheKey, found);
    else missedAt.set(cacheKey, Date.now());
    return found;
  };

  /** Whether this event's input may create Odoo records (company partners, UTM records). */
  const mayCreateFrom = (event: LeadEvent) =>
    isConfirmed(event.contact) || getConfig(strapi).createFromUnconfirmed === true;

  const languageId = async (code: string) => {
    const cacheKey = `res.lang:${code}`;
    if (idCache.has(cacheKey)) return idCache.get(cacheKey) ?? undefined;
    const [found] = await odoo().search('res.lang', [['code', '=', code]], { limit: 1 });
    idCache.set(cacheKey, found ?? null);
    return found;
  };

  const ensureCompany = async (company: string) => {
    const key = `company:${company.trim().toLowerCase()}`;
    const known = (await links.get([key])).get(key);
    if (known) return known;
    const id = await findOrCreateByName('res.partner', company.trim(), { is_company: true }, [
      ['is_company', '=', true],
    ]);
    await links.set([{ key, model: 'res.partner', odooId: id }]);
    return id;
  };

  /** Ids the lead refers to: UTM records, language, tags (cached by name; one name at a time, never twice created). */
  const leadIds = async (event: LeadEvent, partnerId: number): Promise<LeadIds> => {
    const { activity } = event;
    // UTM values come from the visitor's URL: anonymous input finds existing records only
    const utm = mayCreateFrom(event) ? findOrCreateByName : findByName;
    const sourceId = activity.utmSource ? await utm('utm.source', activity.utmSource) : undefined;
    const mediumId = activity.utmMedium ? await utm('utm.medium', activity.utmMedium) : undefined;
    const campaignId = activity.utmCampaign ? await utm('utm.campaign', activity.utmCampaign) : undefined;
    const langId = await languageId(odooLanguage(event.contact.language));
    const tagIds: number[] = [];
    for (const name of tagNames(activity)) tagIds.push(await findOrCreateByName('crm.tag', name));
    return {
      partnerId,
      sourceId: sourceId ?? undefined,
      mediumId: mediumId ?? undefined,
      campaignId: campaignId ?? undefined,
      langId: langId ?? undefined,
      tagIds,
    };
  };

  /** Records we linked earlier that Odoo still has (archived ones too: CRM staff archive leads they lost); links to deleted ones are forgotten. */
  const linkedRecords = async <T extends { id: number }>(
    model: string,
    keys: string[],
    known: Map<string, number>,
    fields: string[],
  ): Promise<Map<string, T>> => {
    const wanted = keys.filter((key) => known.has(key));
    const found = new Map<string, T>();
    if (wanted.length === 0) return found;
    const ids = [...new Set(wanted.map((key) => known.get(key)!))];
    const records = await odoo().searchRead<T>(model, [['id', 'in', ids], ...ANY_ACTIVE], fields);
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const key of wanted) {
      const record = byId.get(known.get(key)!);
      if (record) found.set(key, record);
    }
    await links.forget(wanted.filter((key) => !found.has(key)));
    return found;
  };

  /**
   * The contacts' partners (docs/adr/0014-contact-identity.md), for a group of events of different
   * contacts: ours (created here, ref "magnetiq:…") are created and kept up to date; one with the
   * same email that Magnetiq did not create is linked to the lead but never written to, and the
   * lead gets a note instead. A company partner comes only from a confirmed contact (or with
   * ODOO_CREATE_FROM_UNCONFIRMED). Calls: one search_read for the linked partners (if any), one for
   * all emails of the group, one create for all new partners, one write per distinct update.
   */
  const ensurePartners = async (items: SyncItem[], known: Map<string, number>): Promise<PartnerOfEvent[]> => {
    const keys = items.map(({ event }) => partnerKey(event));
    const linkedPartners = await linkedRecords<OdooPartner>('res.partner', keys, known, PARTNER_FIELDS);
    const partners: Array<OdooPartner | null> = keys.map((key) => linkedPartners.get(key) ?? null);
    const emails = [
      ...new Set(items.filter((_, n) => !partners[n]).map(({ event }) => event.contact.email.toLowerCase())),
    ];
    if (emails.length > 0) {
      type WithEmail = OdooPartner & { email: string | false };
      const found = await odoo().searchRead<WithEmail>(
        'res.partner',
        [['is_company', '=', false], ...anyOf(emails.map((email) => ['email', '=ilike', ilikeExact(email)] as const))],
        [...PARTNER_FIELDS, 'email'],
        { order: 'id asc' },
      );
      // the oldest partner with the address, as one search per address with limit 1 would find
      const byEmail = new Map<string, OdooPartner>();
      for (const partner of found)
        if (typeof partner.email === 'string' && !byEmail.has(partner.email.toLowerCase()))
          byEmail.set(partner.email.toLowerCase(), partner);
      items.forEach(({ event }, n) => (partners[n] ??= byEmail.get(event.contact.email.toLowerCase()) ?? null));
    }
    const company = (event: LeadEvent) =>
      event.contact.company && mayCreateFrom(event) ? ensureCompany(event.contact.company) : Promise.resolve(undefined);
    const result: PartnerOfEvent[] = new Array(items.length);
    const creates: Array<{ n: number; values: Values }> = [];
    const writes = new Map<string, { ids: number[]; values: Values }>();
    for (const [n, { event }] of items.entries()) {
      const partner = partners[n];
      const lang = odooLanguage(event.contact.language);
      if (!partner) {
        creates.push({ n, values: newPartnerValues(event.contact, { companyId: await company(event), lang }) });
      } else if (!createdByMagnetiq(partner)) {
        result[n] = {
          partnerId: partner.id,
          notes: [foreignPartnerNote(partner.id, event.activity.details?.submitted)],
        };
      } else {
        const companyId = partner.parent_id ? undefined : await company(event);
        const updates = partnerUpdates(partner, event.contact, { companyId });
        if (Object.keys(updates).length > 0) {
          const same = JSON.stringify(updates);
          const write = writes.get(same);
          if (write) write.ids.push(partner.id);
          else writes.set(same, { ids: [partner.id], values: updates });
        }
        result[n] = { partnerId: partner.id, notes: [] };
      }
    }
    for (const { ids, values } of writes.values()) await odoo().write('res.partner', ids, values);
    if (creates.length > 0) {
      const ids = await odoo().createMany(
        'res.partner',
        creates.map(({ values }) => values),
      );
      creates.forEach(({ n }, index) => (result[n] = { partnerId: ids[index], notes: [] }));
    }
    await links.set(
      items.map(({ event }, n) => ({
        key: keys[n],
        model: 'res.partner',
        odooId: result[n].partnerId,
        contactDocumentId: event.contact.documentId,
      })),
    );
    return result;
  };

  /**
   * One crm.lead per contact and item, for a group of events of different contacts: found by its
   * link, else by the marker in its description, else created. The marker search runs only where a
   * lead of ours can exist without a link: the contact's partner was linked before this group (a
   * lead is only ever created after its partner's link is stored), or this is a retry (an earlier
   * attempt's create may have gone through with its answer lost). Calls: one search_read per kind
   * of lookup, one create for all new leads, one write per existing lead (its description is its own).
   */
  const upsertLeads = async (
    items: SyncItem[],
    partners: PartnerOfEvent[],
    known: Map<string, number>,
  ): Promise<LeadOfEvent[]> => {
    type OdooLead = { id: number; description: string | false };
    const keys = items.map(({ event }) => leadKey(event));
    const linkKeys = keys.map((key) => `lead:${key}`);
    const hadPartnerLink = items.map(({ event }) => known.has(partnerKey(event)));
    const ids: LeadIds[] = [];
    for (const [n, { event }] of items.entries()) ids.push(await leadIds(event, partners[n].partnerId));
    const linkedLeads = await linkedRecords<OdooLead>('crm.lead', linkKeys, known, ['id', 'description']);
    const existing: Array<OdooLead | null> = linkKeys.map((key) => linkedLeads.get(key) ?? null);
    const unlinked = items
      .map((item, n) => n)
      .filter((n) => !existing[n] && (hadPartnerLink[n] || items[n].attempt > 1));
    if (unlinked.length > 0) {
      const found = await odoo().searchRead<OdooLead>(
        'crm.lead',
        [...anyOf(unlinked.map((n) => ['description', 'ilike', leadMarker(keys[n])] as const)), ...ANY_ACTIVE],
        ['id', 'description'],
      );
      for (const n of unlinked) {
        const marker = leadMarker(keys[n]).toLowerCase();
        existing[n] =
          found.find(
            (lead) => typeof lead.description === 'string' && lead.description.toLowerCase().includes(marker),
          ) ?? null;
      }
    }
    const result: LeadOfEvent[] = new Array(items.length);
    const creates: Array<{ n: number; values: Values }> = [];
    for (const [n, { event }] of items.entries()) {
      const lead = existing[n];
      if (!lead) {
        creates.push({ n, values: leadValues(event, keys[n], ids[n], undefined, partners[n].notes) });
        continue;
      }
      const { type: _type, ...values } = leadValues(event, keys[n], ids[n], lead.description, partners[n].notes);
      await odoo().write('crm.lead', [lead.id], values);
      result[n] = { leadId: lead.id, created: false };
    }
    if (creates.length > 0) {
      const created = await odoo().createMany(
        'crm.lead',
        creates.map(({ values }) => values),
      );
      creates.forEach(({ n }, index) => (result[n] = { leadId: created[index], created: true }));
    }
    await links.set(
      items.map(({ event }, n) => ({
        key: linkKeys[n],
        model: 'crm.lead',
        odooId: result[n].leadId,
        contactDocumentId: event.contact.documentId,
      })),
    );
    return result;
  };

  /** A group of events of different contacts, all of it or nothing (a failed call fails the group). */
  const syncGroup = async (items: SyncItem[]) => {
    const known = await links.get(items.flatMap(({ event }) => [partnerKey(event), `lead:${leadKey(event)}`]));
    const partners = await ensurePartners(items, known);
    const leadsOf = await upsertLeads(items, partners, known);
    return items.map((_, n) => ({
      partnerId: partners[n].partnerId,
      ...(partners[n].notes.length > 0 ? { partnerNotCreatedByMagnetiq: true } : {}),
      ...leadsOf[n],
    }));
  };

  /**
   * Syncs a group; when Odoo refuses it for good (one bad record: a validation or access fault),
   * halves it until the records that fail are alone, so one bad record never fails the others.
   * What a failed half already wrote is linked, so the retry of a half finds it.
   */
  const syncBisecting = async (items: SyncItem[], outcomes: OutboxBatchOutcome[]): Promise<void> => {
    try {
      const results = await syncGroup(items);
      items.forEach(({ index }, n) => (outcomes[index] = { ok: true, result: results[n] }));
    } catch (error) {
      if (items.length === 1 || (error as { permanent?: boolean })?.permanent !== true) {
        for (const { index } of items) outcomes[index] = { ok: false, error };
        return;
      }
      const half = Math.ceil(items.length / 2);
      await syncBisecting(items.slice(0, half), outcomes);
      await syncBisecting(items.slice(half), outcomes);
    }
  };

  /** From an outbox message to a lead event, or the outcome that ends it here (erased, not found). */
  const eventOf = async ({ payload }: SyncMessage): Promise<LeadEvent | OutboxBatchOutcome> => {
    if (payload.erased || !payload.contact || !payload.activity) return { ok: true, result: { skipped: 'erased' } };
    const timeline = await leads(strapi).contacts.timeline(payload.contact);
    if (!timeline || timeline.contact.status === 'erased') return { ok: true, result: { skipped: 'contact erased' } };
    const activity = timeline.activities.find(
      (candidate: { documentId: string }) => candidate.documentId === payload.activity,
    );
    if (!activity)
      return {
        ok: false,
        error: deliveryError.permanent(`activity ${payload.activity} of contact ${payload.contact} not found`),
      };
    return { contact: timeline.contact, activity, consents: timeline.consents };
  };

  const service = {
    /**
     * The outbox's batch handler: lead events become partners (deduplicated on the email) and
     * crm.leads with one call per model and kind of step for the whole batch (docs/adr/0025).
     * A contact's second event in a batch goes in a second round, after its first one is written.
     * Throws only when Odoo is not configured (every row waits); any other failure is its rows'.
     */
    async handleBatch(messages: SyncMessage[]): Promise<OutboxBatchOutcome[]> {
      odoo().assertConfigured();
      const outcomes: OutboxBatchOutcome[] = new Array(messages.length);
      const rounds: SyncItem[][] = [];
      const roundOfContact = new Map<string, number>();
      for (const [index, message] of messages.entries()) {
        let event: LeadEvent | OutboxBatchOutcome;
        try {
          event = await eventOf(message);
        } catch (error) {
          event = { ok: false, error };
        }
        if ('ok' in event) {
          outcomes[index] = event;
          continue;
        }
        const round = (roundOfContact.get(event.contact.documentId) ?? -1) + 1;
        roundOfContact.set(event.contact.documentId, round);
        (rounds[round] ??= []).push({ index, event, attempt: message.attempt ?? 1 });
      }
      for (const round of rounds) await syncBisecting(round, outcomes);
      return outcomes;
    },

    /** One event (the outbox's handler without batches); its result is stored on the outbox row. */
    async handle(message: SyncMessage) {
      const [outcome] = await service.handleBatch([message]);
      if (!outcome.ok) throw outcome.error;
      return outcome.result;
    },

    /** Enqueues every activity of a contact again (admin "re-sync"); the handler updates in place. */
    async resyncContact(contactDocumentId: string) {
      const timeline = await leads(strapi).contacts.timeline(contactDocumentId);
      if (!timeline || timeline.contact.status === 'erased') return null;
      const stamp = Date.now().toString(36);
      const messages = timeline.activities.map(
        (activity: { documentId: string; type: string; reference: string | null; title: string | null }) => ({
          topic: ODOO_TOPIC.upsertLead,
          idempotencyKey: `odoo:resync:${activity.documentId}:${stamp}`,
          contactId: timeline.contact.id,
          payload: {
            contact: contactDocumentId,
            activity: activity.documentId,
            type: activity.type,
            reference: activity.reference,
            title: activity.title,
          },
        }),
      );
      await leads(strapi).outbox.enqueue(messages);
      return messages.length;
    },
  };
  return service;
};
