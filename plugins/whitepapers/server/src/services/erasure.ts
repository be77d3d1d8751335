import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../utils';

/**
 * The whitepapers plugin's part of a GDPR erase (registered with the leads core's
 * `contacts.onErase`): the contact's download rows keep only what the statistics count (paper,
 * times, counts, campaign); the link stops working, the hashed address and browser go.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async eraseContact({ contactDocumentId, trx, now }: { contactDocumentId: string; trx: Knex.Transaction; now: Date }) {
    const meta = strapi.db.metadata.get(UID.download);
    await strapi.db.connection(meta.tableName).transacting(trx).where({ contact: contactDocumentId }).update({
      token_hash: null,
      ip_hash: null,
      user_agent: null,
      utm_term: null,
      utm_content: null,
      updated_at: now,
    });
  },
});
