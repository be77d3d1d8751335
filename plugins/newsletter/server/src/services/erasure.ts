import type { Core } from '@strapi/strapi';
import type { ErasedContact } from '@magnetiq/plugin-leads/contract';
import { TABLE } from '../utils';

/**
 * GDPR erase (leads `contacts.onErase`), inside the erase transaction: the contact's topics and
 * recipient rows go (the campaign counts lose one row); a suppression keeps only its keyed hash.
 */
export default (_: { strapi: Core.Strapi }) => ({
  async eraseContact({ trx, contactId }: ErasedContact) {
    await trx(TABLE.subscriptions).where({ contact_id: contactId }).delete();
    await trx(TABLE.recipients).where({ contact_id: contactId }).delete();
    await trx(TABLE.suppressions).where({ contact_id: contactId }).update({ contact_id: null });
  },
});
