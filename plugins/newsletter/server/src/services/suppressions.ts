import type { Core } from '@strapi/strapi';
import { keyedHash } from '@magnetiq/plugin-kit/server';
import { TABLE, tokenSecret } from '../utils';

export type SuppressionScope = 'marketing' | 'all';

/**
 * Addresses that must not get newsletters (bounced, blocked, complained, unsubscribed at the
 * provider) or, after a hard bounce, no email at all. Kept as a keyed hash of the address: the
 * list outlives an erased contact (a re-imported address stays suppressed) without keeping it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const hash = (email: string) => keyedHash(email.trim().toLowerCase(), tokenSecret(strapi));

  return {
    hash,

    /** A wider scope wins over a narrower one; the reason of the first suppression stays. */
    async suppress(email: string, scope: SuppressionScope, reason: string, contactId: number | null) {
      await knex()(TABLE.suppressions)
        .insert({ email_hash: hash(email), scope, reason: reason.slice(0, 40), contact_id: contactId })
        .onConflict('email_hash')
        .merge({
          scope: knex().raw(`case when ${TABLE.suppressions}.scope = 'all' then 'all' else excluded.scope end`),
          contact_id: knex().raw(`coalesce(excluded.contact_id, ${TABLE.suppressions}.contact_id)`),
          updated_at: new Date(),
        });
    },

    /** Which of these addresses are suppressed for marketing (any scope). */
    async suppressedOf(emails: string[]): Promise<Set<string>> {
      if (emails.length === 0) return new Set();
      const byHash = new Map(emails.map((email) => [hash(email), email]));
      const rows: Array<{ email_hash: string }> = await knex()(TABLE.suppressions)
        .whereIn('email_hash', [...byHash.keys()])
        .select('email_hash');
      return new Set(rows.map((row) => byHash.get(row.email_hash)!));
    },

    /** The leads core's check before any email leaves: marketing stops at any suppression, the rest only at a hard bounce. */
    async check(to: string, kind: { marketing: boolean }): Promise<string | null> {
      const row = await knex()(TABLE.suppressions)
        .where({ email_hash: hash(to) })
        .first('scope', 'reason');
      if (!row) return null;
      if (row.scope === 'all' || kind.marketing) return `newsletter:${row.reason}`;
      return null;
    },
  };
};
