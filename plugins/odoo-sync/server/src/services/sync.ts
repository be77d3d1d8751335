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
  type OdooPartner,
} from '../domain/mapping';
import { ODOO_TOPIC } from '@magnetiq/plugin-kit/server';
import type { Domain } from '../transport/types';
import { deliveryError, getConfig, getService, leads, LINK_UID } from '../utils';

export type SyncPayload = { contact?: string; activity?: string; erased?: boolean };
type Payload = SyncPayload;

const PARTNER_FIELDS = ['id', 'name', 'phone', 'function', 'parent_id', 'write_date', 'ref'];

/**
 * The `odoo.upsert-lead` outbox handler: one lead event becomes one res.partner (deduplicated on
 * the email) and one crm.lead per contact and item. Every step looks up before it creates and
 * stores the Odoo id on our side as soon as it is known, so a retry after any failure (even one
 * whose write went through but whose answer was lost) continues without creating twins.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const odoo = () => getService(strapi, 'client');
  // Names of UTM records, tags and languages hardly change: one lookup per name and process.
  const idCache = new Map<string, number | null>();

  const links = {
    async get(key: string): Promise<number | null> {
      const link = await strapi.db.query(LINK_UID).findOne({ where: { key }, select: ['odooId'] });
      return link?.odooId ?? null;
    },
    async set(key: string, model: string, odooId: number, contactDocumentId?: string) {
      const now = new Date();
      await strapi.db
        .connection('odoo_sync_links')
        .insert({
          document_id: randomUUID().replace(/-/g, '').slice(0, 24),
          key,
          model,
          odoo_id: odooId,
          contact_document_id: contactDocumentId ?? null,
          synced_at: now,
          created_at: now,
          updated_at: now,
          published_at: now,
        })
        .onConflict('key')
        .merge({ odoo_id: odooId, synced_at: now, updated_at: now });
    },
    async forget(key: string) {
      await strapi.db.query(LINK_UID).deleteMany({ where: { key } });
    },
  };

  /** A record we linked earlier, if Odoo still has it (someone may have deleted it). */
  const linked = async <T extends { id: number }>(key: string, model: string, fields: string[]): Promise<T | null> => {
    const id = await links.get(key);
    if (!id) return null;
    // archived records count too: CRM staff archive leads they lost, we must not recreate them
    const [record] = await odoo().searchRead<T>(
      model,
      [['id', '=', id], '|', ['active', '=', true], ['active', '=', false]],
      fields,
      { limit: 1 },
    );
    if (!record) await links.forget(key);
    return record ?? null;
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
    const [found] = await odoo().search(model, [['name', '=ilike', ilikeExact(name)]], { limit: 1 });
    if (found) idCache.set(cacheKey, found);
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
    const known = await links.get(key);
    if (known) return known;
    const id = await findOrCreateByName('res.partner', company.trim(), { is_company: true }, [
      ['is_company', '=', true],
    ]);
    await links.set(key, 'res.partner', id);
    return id;
  };

  /**
   * The contact's partner (docs/adr/0014-contact-identity.md): ours (created here, ref
   * "magnetiq:…") is created and kept up to date; one with the same email that Magnetiq did not
   * create is linked to the lead but never written to, and the lead gets a note instead. A company
   * partner comes only from a confirmed contact (or with ODOO_CREATE_FROM_UNCONFIRMED).
   */
  const ensurePartner = async (event: LeadEvent): Promise<{ partnerId: number; notes: string[] }> => {
    const { contact } = event;
    const key = `partner:${contact.documentId}`;
    const company = () =>
      contact.company && mayCreateFrom(event) ? ensureCompany(contact.company) : Promise.resolve(undefined);
    const lang = odooLanguage(contact.language);
    const partner =
      (await linked<OdooPartner>(key, 'res.partner', PARTNER_FIELDS)) ??
      (
        await odoo().searchRead<OdooPartner>(
          'res.partner',
          [
            ['email', '=ilike', ilikeExact(contact.email)],
            ['is_company', '=', false],
          ],
          PARTNER_FIELDS,
          { limit: 1, order: 'id asc' },
        )
      )[0] ??
      null;
    if (!partner) {
      const id = await odoo().create('res.partner', newPartnerValues(contact, { companyId: await company(), lang }));
      await links.set(key, 'res.partner', id, contact.documentId);
      return { partnerId: id, notes: [] };
    }
    await links.set(key, 'res.partner', partner.id, contact.documentId);
    if (!createdByMagnetiq(partner))
      return { partnerId: partner.id, notes: [foreignPartnerNote(partner.id, event.activity.details?.submitted)] };
    const updates = partnerUpdates(partner, contact, { companyId: partner.parent_id ? undefined : await company() });
    if (Object.keys(updates).length > 0) await odoo().write('res.partner', [partner.id], updates);
    return { partnerId: partner.id, notes: [] };
  };

  const upsertLead = async (event: LeadEvent, partnerId: number, notes: string[]) => {
    const key = leadKey(event);
    const linkKey = `lead:${key}`;
    const { activity } = event;
    // UTM values come from the visitor's URL: anonymous input finds existing records only
    const utm = mayCreateFrom(event) ? findOrCreateByName : findByName;
    const [sourceId, mediumId, campaignId, langId, ...tagIds] = await Promise.all([
      activity.utmSource ? utm('utm.source', activity.utmSource) : undefined,
      activity.utmMedium ? utm('utm.medium', activity.utmMedium) : undefined,
      activity.utmCampaign ? utm('utm.campaign', activity.utmCampaign) : undefined,
      languageId(odooLanguage(event.contact.language)),
      ...tagNames(activity).map((name) => findOrCreateByName('crm.tag', name)),
    ]);
    const ids = {
      partnerId,
      sourceId: sourceId ?? undefined,
      mediumId: mediumId ?? undefined,
      campaignId: campaignId ?? undefined,
      langId: langId ?? undefined,
      tagIds: tagIds as number[],
    };

    type OdooLead = { id: number; description: string | false };
    const existing =
      (await linked<OdooLead>(linkKey, 'crm.lead', ['id', 'description'])) ??
      (
        await odoo().searchRead<OdooLead>(
          'crm.lead',
          [['description', 'ilike', leadMarker(key)], '|', ['active', '=', true], ['active', '=', false]],
          ['id', 'description'],
          { limit: 1 },
        )
      )[0] ??
      null;
    if (!existing) {
      const id = await odoo().create('crm.lead', leadValues(event, key, ids, undefined, notes));
      await links.set(linkKey, 'crm.lead', id, event.contact.documentId);
      return { leadId: id, created: true };
    }
    const { type: _type, ...values } = leadValues(event, key, ids, existing.description, notes);
    await odoo().write('crm.lead', [existing.id], values);
    await links.set(linkKey, 'crm.lead', existing.id, event.contact.documentId);
    return { leadId: existing.id, created: false };
  };

  return {
    /** The outbox handler. Its result is stored on the outbox row. */
    async handle({ payload }: { payload: Payload }) {
      if (payload.erased || !payload.contact || !payload.activity) return { skipped: 'erased' };
      odoo().assertConfigured();
      const timeline = await leads(strapi).contacts.timeline(payload.contact);
      if (!timeline || timeline.contact.status === 'erased') return { skipped: 'contact erased' };
      const activity = timeline.activities.find(
        (candidate: { documentId: string }) => candidate.documentId === payload.activity,
      );
      if (!activity)
        throw deliveryError.permanent(`activity ${payload.activity} of contact ${payload.contact} not found`);
      const event: LeadEvent = { contact: timeline.contact, activity, consents: timeline.consents };
      const { partnerId, notes } = await ensurePartner(event);
      const lead = await upsertLead(event, partnerId, notes);
      return { partnerId, ...(notes.length > 0 ? { partnerNotCreatedByMagnetiq: true } : {}), ...lead };
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
};
