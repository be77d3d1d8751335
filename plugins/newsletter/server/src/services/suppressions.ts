import type { Core } from '@strapi/strapi';
import { keyedHash } from '@magnetiq/plugin-kit/server';
import { TABLE, tokenSecret } from '../utils';

export type SuppressionScope = 'marketing' | 'all';
/**
 * delivery: the address cannot take mail (bounce, block, drop): stays until an admin removes it;
 * consent: the person said stop (spam report, unsubscribe at SendGrid): a double opt-in confirmed
 * after it is a new consent and lifts it.
 */
export type SuppressionKind = 'delivery' | 'consent';

/** Whether a suppression still holds for a subscriber confirmed at `confirmedAt`. */
export const holds = (
  suppression: { kind: string | null; updated_at: Date | string },
  confirmedAt: Date | string | null,
): boolean =>
  suppression.kind !== 'consent' || !confirmedAt || new Date(suppression.updated_at) >= new Date(confirmedAt);

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

    /**
     * A wider scope wins over a narrower one, a delivery suppression over a consent one (its reason
     * then replaces the consent's); otherwise the reason of the first suppression stays.
     */
    async suppress(
      email: string,
      scope: SuppressionScope,
      reason: string,
      contactId: number | null,
      kind: SuppressionKind = 'delivery',
    ) {
      const table = TABLE.suppressions;
      await knex()(table)
        .insert({ email_hash: hash(email), scope, reason: reason.slice(0, 40), contact_id: contactId, kind })
        .onConflict('email_hash')
        .merge({
          scope: knex().raw(`case when ${table}.scope = 'all' then 'all' else excluded.scope end`),
          reason: knex().raw(
            `case when ${table}.kind = 'consent' and excluded.kind = 'delivery' then excluded.reason else ${table}.reason end`,
          ),
          kind: knex().raw(`case when ${table}.kind = 'delivery' then 'delivery' else excluded.kind end`),
          contact_id: knex().raw(`coalesce(excluded.contact_id, ${table}.contact_id)`),
          updated_at: new Date(),
        });
    },

    /**
     * Which of these recipients are suppressed for marketing (any scope), by address: a consent
     * suppression older than the recipient's confirmation no longer holds.
     */
    async suppressedOf(
      recipients: Array<{ email: string; confirmed_at?: Date | string | null }>,
    ): Promise<Set<string>> {
      if (recipients.length === 0) return new Set();
      const byHash = new Map(recipients.map((recipient) => [hash(recipient.email), recipient]));
      const rows: Array<{ email_hash: string; kind: string | null; updated_at: Date }> = await knex()(
        TABLE.suppressions,
      )
        .whereIn('email_hash', [...byHash.keys()])
        .select('email_hash', 'kind', 'updated_at');
      return new Set(
        rows
          .filter((row) => holds(row, byHash.get(row.email_hash)!.confirmed_at ?? null))
          .map((row) => byHash.get(row.email_hash)!.email),
      );
    },

    /** The suppression of an address, for the admin (no address stored: looked up by its hash). */
    async find(email: string) {
      const row = await knex()(TABLE.suppressions)
        .where({ email_hash: hash(email) })
        .first('scope', 'kind', 'reason', 'created_at', 'updated_at');
      if (!row) return { suppressed: false as const };
      return {
        suppressed: true as const,
        scope: row.scope as SuppressionScope,
        kind: (row.kind ?? 'delivery') as SuppressionKind,
        reason: row.reason as string,
        since: new Date(row.created_at).toISOString(),
        updatedAt: new Date(row.updated_at).toISOString(),
      };
    },

    /** An admin lifts a suppression (a bounced address that works again); false when there was none. */
    async remove(email: string): Promise<boolean> {
      return (
        (await knex()(TABLE.suppressions)
          .where({ email_hash: hash(email) })
          .delete()) > 0
      );
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
