import type { Core } from '@strapi/strapi';
import { partnerRef } from '../domain/mapping';
import { ODOO_TOPIC } from '@magnetiq/plugin-kit/server';
import type { Domain } from '../transport/types';
import { getConfig, getService, leads, LINK_UID } from '../utils';

export const ERASE_TOPIC = ODOO_TOPIC.eraseContact;

/** What a crm.lead and a partner keep after an erase in `anonymise` mode: stage, tags, campaign, no person. */
export const ERASED_LEAD_VALUES = {
  name: 'Erased contact',
  contact_name: false,
  partner_name: false,
  email_from: false,
  phone: false,
  mobile: false,
  function: false,
  website: false,
  description: false,
  active: false,
};
export const ERASED_PARTNER_VALUES = {
  name: 'Erased contact',
  email: false,
  phone: false,
  mobile: false,
  function: false,
  website: false,
  comment: false,
  parent_id: false,
  active: false,
};

export type ErasePayload = { contact: string; leads: number[]; partners: number[] };

const unique = (ids: number[]) => [...new Set(ids.filter((id) => Number.isInteger(id) && id > 0))];
const ANY_ACTIVE: Domain = ['|', ['active', '=', true], ['active', '=', false]];

/**
 * The odoo-sync part of a GDPR erase. In the erase transaction the contact's Odoo ids are read
 * from our links and handed to the outbox (`odoo.erase-contact`); the delivery archives and
 * anonymises (ODOO_ERASE_MODE=anonymise, default) or deletes (unlink) the crm.leads and the
 * partner Magnetiq created. A partner we only matched by email belongs to someone else's
 * records: only our link to it goes.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const odoo = () => getService(strapi, 'client');

  return {
    async eraseContact({ contactDocumentId }: { contactDocumentId: string }) {
      const links = await strapi.db
        .query(LINK_UID)
        .findMany({ where: { contactDocumentId }, select: ['model', 'odooId'] });
      // nothing synced and nowhere to sync to: nothing to erase there
      if (links.length === 0 && !odoo().isConfigured()) return;
      const idsOf = (model: string) =>
        unique(
          links
            .filter((link: { model: string }) => link.model === model)
            .map((link: { odooId: number }) => link.odooId),
        );
      await leads(strapi).outbox.enqueue([
        {
          topic: ERASE_TOPIC,
          idempotencyKey: `odoo:erase:${contactDocumentId}`,
          payload: {
            contact: contactDocumentId,
            leads: idsOf('crm.lead'),
            partners: idsOf('res.partner'),
          } satisfies ErasePayload,
        },
      ]);
    },

    /** The outbox handler of `odoo.erase-contact`; idempotent (a retry finds the same records). */
    async handle({ payload }: { payload: ErasePayload }) {
      odoo().assertConfigured();
      const mode = getConfig(strapi).eraseMode;
      // links written after the erase (a sync that was already running) count too
      const late = await strapi.db
        .query(LINK_UID)
        .findMany({ where: { contactDocumentId: payload.contact }, select: ['model', 'odooId'] });
      const linkedOf = (model: string) =>
        late.filter((link: { model: string }) => link.model === model).map((link: { odooId: number }) => link.odooId);
      // our marker finds a lead whose link was never written (its answer was lost)
      const marked = await odoo().search('crm.lead', [
        ['description', 'ilike', `[magnetiq-lead:${payload.contact}:`],
        ...ANY_ACTIVE,
      ]);
      const leadIds = unique([...payload.leads, ...linkedOf('crm.lead'), ...marked]);
      // only partners Magnetiq created carry our reference; one we matched by email is not ours to change
      const partnerIds = await odoo().search('res.partner', [['ref', '=', partnerRef(payload.contact)], ...ANY_ACTIVE]);
      const foreign = unique([...payload.partners, ...linkedOf('res.partner')]).filter(
        (id) => !partnerIds.includes(id),
      );
      if (foreign.length)
        await strapi.db.query(LINK_UID).deleteMany({
          where: { contactDocumentId: payload.contact, model: 'res.partner', odooId: { $in: foreign } },
        });
      if (mode === 'unlink') {
        if (leadIds.length) await odoo().unlink('crm.lead', leadIds);
        if (partnerIds.length) await odoo().unlink('res.partner', partnerIds);
        await strapi.db.query(LINK_UID).deleteMany({ where: { contactDocumentId: payload.contact } });
      } else {
        if (leadIds.length) await odoo().write('crm.lead', leadIds, ERASED_LEAD_VALUES);
        if (partnerIds.length) await odoo().write('res.partner', partnerIds, ERASED_PARTNER_VALUES);
        // the links stay (ids and stages only): the analytics funnel still counts the lead
      }
      return { mode, leads: leadIds.length, partners: partnerIds.length };
    },
  };
};
