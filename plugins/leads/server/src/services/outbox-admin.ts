import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PageQuery } from '@magnetiq/plugin-kit/server';
import { addressPattern } from '../domain/address-pattern';
import { TABLE } from '../utils';

const EMAIL_LOG_TABLE = 'leads_emails';
/** rows per DELETE of the retention purge: short statements, short locks */
const PURGE_BATCH = 5000;

/** Which deliveries are about an erased person. */
export interface ScrubTarget {
  /** rows written for the contact (contact_id) */
  contactId?: number;
  /** rows whose payload or last error holds this address (normalised, lower case) */
  email: string;
  placeholderEmail: string;
  /** rows whose idempotency key contains one of these (ids of bookings, registrations, ...) */
  references?: string[];
}

interface ListedRow {
  id: number;
  topic: string;
  idempotency_key: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  done_at: Date | null;
  locked_by: string | null;
}

/**
 * The outbox as the admin, readiness, metrics, erase and retention see it: queries over the
 * table, no delivery. `parked` rows (their receiver is not configured) are counted apart and are
 * no part of the backlog that alerts watch.
 */
export function createOutboxAdmin(strapi: Core.Strapi) {
  const knex = (): Knex => strapi.db.connection;
  const admin = {
    /** What is waiting, for readiness and metrics: open rows only, so it stays cheap on a long history. */
    async backlog() {
      const rows = (await knex()(TABLE.outbox)
        .select('status')
        .count('* as count')
        .whereIn('status', ['pending', 'processing', 'dead', 'parked'])
        .groupBy('status')) as Array<{ status: string; count: string }>;
      const counts: Record<string, number> = { pending: 0, processing: 0, dead: 0, parked: 0 };
      for (const row of rows) counts[row.status] = Number(row.count);
      const oldest = await knex()(TABLE.outbox)
        .where({ status: 'pending' })
        .andWhere('next_attempt_at', '<=', new Date())
        .min('created_at as at')
        .first();
      const oldestDueSeconds = oldest?.at
        ? Math.max(0, Math.round((Date.now() - new Date(oldest.at).getTime()) / 1000))
        : 0;
      // parked: waiting for a receiver to be configured, apart from the backlog
      return {
        pending: counts.pending,
        processing: counts.processing,
        dead: counts.dead,
        parked: counts.parked,
        oldestDueSeconds,
      };
    },

    async stats() {
      const rows = await knex()(TABLE.outbox).select('topic', 'status').count('* as count').groupBy('topic', 'status');
      const byStatus: Record<string, number> = { pending: 0, processing: 0, done: 0, dead: 0, parked: 0 };
      const byTopic: Record<string, Record<string, number>> = {};
      for (const row of rows as Array<{ topic: string; status: string; count: string }>) {
        const count = Number(row.count);
        byStatus[row.status] = (byStatus[row.status] ?? 0) + count;
        byTopic[row.topic] = { ...(byTopic[row.topic] ?? {}), [row.status]: count };
      }
      return { byStatus, byTopic };
    },

    async list({ status, topic, page = 1, pageSize = 25 }: PageQuery & { status?: string; topic?: string }) {
      const base = knex()(TABLE.outbox).modify((query) => {
        if (status) query.where({ status });
        if (topic) query.where({ topic });
      });
      const [{ count }] = await base.clone().count('* as count');
      const rows: ListedRow[] = await base
        .clone()
        .select(
          'id',
          'topic',
          'idempotency_key',
          'status',
          'attempts',
          'next_attempt_at',
          'last_error',
          'created_at',
          'updated_at',
          'done_at',
          'locked_by',
        )
        .orderBy('updated_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const total = Number(count);
      return {
        results: rows.map((row) => ({
          id: row.id,
          topic: row.topic,
          idempotencyKey: row.idempotency_key,
          status: row.status,
          attempts: row.attempts,
          nextAttemptAt: row.next_attempt_at,
          lastError: row.last_error,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          doneAt: row.done_at,
          /** the instance holding the claim (processing), or the one that delivered it (done) */
          worker: row.locked_by,
        })),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
      };
    },

    /**
     * GDPR erase (in the erase transaction): outbox rows about the person lose their payload,
     * result and error text, and pending or dead ones are closed without delivery; the email-log
     * rows of those deliveries, and any other log row that names the address, lose their text and
     * subject (the recipient becomes the placeholder when it was the person). Returns the number
     * of outbox rows scrubbed.
     */
    async scrub(trx: Knex.Transaction, target: ScrubTarget): Promise<number> {
      const references = (target.references ?? []).filter((reference) => reference.length >= 8);
      const conditions: string[] = [];
      const bindings: unknown[] = [];
      if (target.contactId !== undefined) {
        conditions.push('contact_id = ?');
        bindings.push(target.contactId);
      }
      const address = addressPattern(target.email);
      if (target.email) {
        // jsonb as text keeps an address as it is (no escaping of @ or .); strpos is the cheap
        // filter, the pattern then refuses a longer address that contains this one (jo+ann@…)
        for (const column of ['payload::text', `coalesce(last_error, '')`, `coalesce(result::text, '')`]) {
          conditions.push(`strpos(lower(${column}), ?) > 0 and ${column} ~* ?`);
          bindings.push(target.email, address);
        }
      }
      if (references.length) {
        conditions.push(
          `exists (select 1 from unnest(?::text[]) as reference where strpos(idempotency_key, reference) > 0)`,
        );
        bindings.push(references);
      }
      if (!conditions.length) return 0;
      const matched = await trx.raw(
        `update ${TABLE.outbox} set payload = '{"erased":true}'::jsonb,
           result = case when status in ('pending', 'dead') then '{"erased":true}'::jsonb when result is null then null else '{"erased":true}'::jsonb end,
           status = case when status in ('pending', 'dead') then 'done' else status end,
           done_at = case when status in ('pending', 'dead') then now() else done_at end,
           last_error = null, updated_at = now()
         where (${conditions.join(') or (')}) and payload <> '{"erased":true}'::jsonb
         returning idempotency_key`,
        bindings,
      );
      const keys = (matched.rows as Array<{ idempotency_key: string }>).map((row) => row.idempotency_key);
      await trx.raw(
        `update ${EMAIL_LOG_TABLE} set "to" = case when lower("to") = ? then ? else "to" end, subject = '(erased)', text = null, updated_at = now()
         where (idempotency_key = any(?::text[]) or lower("to") = ?
             or (strpos(lower(subject), ?) > 0 and subject ~* ?) or (strpos(lower(coalesce(text, '')), ?) > 0 and text ~* ?))
           and subject <> '(erased)'`,
        [target.email, target.placeholderEmail, keys, target.email, target.email, address, target.email, address],
      );
      return keys.length;
    },

    /**
     * Retention: finished deliveries (done) and the email log older than `days` are deleted, in
     * batches. Safe on several instances at once: each batch claims its rows with SKIP LOCKED,
     * and a row another instance deleted is simply not found again. Pending and dead rows stay.
     */
    async purgeFinished(days: number, now = new Date()) {
      const cutoff = new Date(now.getTime() - days * 24 * 3600 * 1000);
      const purge = async (table: string, condition: string) => {
        let total = 0;
        for (;;) {
          const result = await knex().raw(
            `delete from ${table} where id in (select id from ${table} where ${condition} limit ${PURGE_BATCH} for update skip locked)`,
            [cutoff],
          );
          total += result.rowCount as number;
          if ((result.rowCount as number) < PURGE_BATCH) return total;
        }
      };
      const outbox = await purge(TABLE.outbox, `status = 'done' and coalesce(done_at, updated_at) < ?`);
      const emails = await purge(EMAIL_LOG_TABLE, `sent_at < ?`);
      if (outbox || emails)
        strapi.log.info(
          `outbox: retention purged ${outbox} finished deliveries and ${emails} email-log rows older than ${days} days`,
        );
      return { outbox, emails };
    },

    /** Dead row back to pending with a fresh attempt budget. */
    async replay(id: number) {
      const updated = await knex()(TABLE.outbox).where({ id, status: 'dead' }).update({
        status: 'pending',
        attempts: 0,
        next_attempt_at: new Date(),
        locked_by: null,
        updated_at: new Date(),
      });
      return updated > 0;
    },

    /** Dead row marked done without delivery (kept for the record, with a note). */
    async discard(id: number, by: string) {
      const updated = await knex()(TABLE.outbox)
        .where({ id, status: 'dead' })
        .update({
          status: 'done',
          done_at: new Date(),
          result: JSON.stringify({ discardedBy: by }),
          updated_at: new Date(),
        });
      return updated > 0;
    },
  };
  return admin;
}

export type OutboxAdmin = ReturnType<typeof createOutboxAdmin>;
