import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { nextDelayMs } from '../domain/backoff';
import { addressPattern } from '../domain/address-pattern';
import type { Knex } from 'knex';
import { getConfig, getService, newDocumentId, TABLE } from '../utils';

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  /** unique per delivery: a second enqueue with the same key is ignored */
  idempotencyKey: string;
  contactId?: number;
  /** deliver no earlier than this (e.g. a reminder) */
  notBefore?: Date;
}

export interface OutboxRow {
  id: number;
  topic: string;
  payload: Record<string, any>;
  idempotency_key: string;
  status: 'pending' | 'processing' | 'done' | 'dead';
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at?: Date;
}

/*
 * How a handler tells the worker what a failure means. Other plugins throw errors with the same
 * marker properties (duck typing: they cannot import this package's classes):
 * - `permanent: true`  no retry can fix it (bad address, access rights): dead-letter at once;
 * - `retryAfterMs: n`  retry no earlier than n ms (rate limits); the attempt counts;
 * - `deferMs: n`       not a delivery failure (the receiver is not configured, a circuit breaker
 *                      is open): try again in n ms without using an attempt, so nothing goes dead.
 * Any other error is retried with exponential backoff until the topic's attempts are used up.
 */
export class PermanentDeliveryError extends Error {
  permanent = true;
}

export class RetryLaterError extends Error {
  constructor(message: string, public retryAfterMs: number) {
    super(message);
  }
}

export class DeferDeliveryError extends Error {
  constructor(message: string, public deferMs: number) {
    super(message);
  }
}

export interface HandlerOptions {
  /** attempts before dead-letter for this topic (default: the outbox config) */
  maxAttempts?: number;
}

export type OutboxHandler = (message: { id: number; topic: string; payload: any; idempotencyKey: string; attempt: number }) => Promise<unknown>;

const NO_HANDLER_DELAY_MS = 60_000;
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

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const handlers = new Map<string, { handle: OutboxHandler; options: HandlerOptions }>();
  const workerId = `${os.hostname()}:${process.pid}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  let stopping = false;
  /** the batch being delivered (claimed by this instance), for stop() to release on a deadline */
  let batch: OutboxRow[] = [];

  const knex = () => strapi.db.connection;
  const parsePayload = (payload: unknown) => (typeof payload === 'string' ? JSON.parse(payload) : payload);

  const service = {
    registerHandler(topic: string, handle: OutboxHandler, options: HandlerOptions = {}) {
      if (handlers.has(topic)) throw new Error(`outbox: a handler for ${topic} is already registered`);
      handlers.set(topic, { handle, options });
    },

    hasHandler(topic: string) {
      return handlers.has(topic);
    },

    /**
     * Writes messages in the caller's transaction (Strapi's transaction context, if any),
     * so they commit or roll back with the business rows. Duplicate keys are ignored.
     */
    async enqueue(messages: OutboxMessage[]) {
      if (messages.length === 0) return;
      const now = new Date();
      const rows = messages.map((message) => ({
        document_id: newDocumentId(),
        topic: message.topic,
        payload: JSON.stringify(message.payload),
        idempotency_key: message.idempotencyKey,
        status: 'pending',
        attempts: 0,
        next_attempt_at: message.notBefore ?? now,
        contact_id: message.contactId ?? null,
        created_at: now,
        updated_at: now,
        published_at: now,
      }));
      const query = knex()(TABLE.outbox).insert(rows).onConflict('idempotency_key').ignore();
      await strapi.db.transaction(({ trx }) => query.transacting(trx));
    },

    /**
     * Claims due rows for this instance. FOR UPDATE SKIP LOCKED lets several CMS instances
     * poll the same table without taking the same row twice.
     */
    async claim(limit: number): Promise<OutboxRow[]> {
      const result = await knex().raw(
        `update ${TABLE.outbox} set status = 'processing', locked_at = now(), locked_by = ?, attempts = attempts + 1, updated_at = now()
         where id in (
           select id from ${TABLE.outbox}
           where status = 'pending' and next_attempt_at <= now()
           order by next_attempt_at, id
           limit ? for update skip locked)
         returning id, topic, payload, idempotency_key, status, attempts, next_attempt_at, last_error, created_at`,
        [workerId, limit]
      );
      return result.rows.map((row: OutboxRow) => ({ ...row, payload: parsePayload(row.payload) }));
    },

    /** Rows left `processing` by a crashed instance go back to pending (their attempt counts). */
    async recoverStuck() {
      const { processingTimeoutMs } = getConfig(strapi).outbox;
      const result = await knex().raw(
        `update ${TABLE.outbox} set status = 'pending', locked_at = null, locked_by = null, next_attempt_at = now(),
           last_error = coalesce(last_error, '') || case when last_error is null then '' else E'\\n' end || 'recovered after the worker stopped mid-delivery', updated_at = now()
         where status = 'processing' and locked_at < now() - (? * interval '1 millisecond')`,
        [processingTimeoutMs]
      );
      if (result.rowCount > 0) strapi.log.warn(`outbox: recovered ${result.rowCount} row(s) stuck in processing`);
      return result.rowCount as number;
    },

    async deliver(row: OutboxRow) {
      const config = getConfig(strapi).outbox;
      const handler = handlers.get(row.topic);
      if (!handler) {
        // No plugin handles this topic (yet): keep the row, do not burn an attempt.
        await knex()(TABLE.outbox)
          .where({ id: row.id })
          .update({
            status: 'pending',
            attempts: row.attempts - 1,
            next_attempt_at: new Date(Date.now() + NO_HANDLER_DELAY_MS),
            last_error: `no handler registered for ${row.topic}`,
            locked_at: null,
            locked_by: null,
            updated_at: new Date(),
          });
        return;
      }
      try {
        const result = await handler.handle({ id: row.id, topic: row.topic, payload: row.payload, idempotencyKey: row.idempotency_key, attempt: row.attempts });
        const metrics = getService(strapi, 'metrics');
        metrics.deliveries.inc({ topic: row.topic, outcome: 'done' });
        if (row.created_at) metrics.deliveryLatency.observe({ topic: row.topic }, (Date.now() - new Date(row.created_at).getTime()) / 1000);
        await knex()(TABLE.outbox)
          .where({ id: row.id, status: 'processing' })
          .update({ status: 'done', done_at: new Date(), result: result === undefined ? null : JSON.stringify(result), locked_at: null, locked_by: null, last_error: null, updated_at: new Date() });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const marked = (error ?? {}) as Partial<PermanentDeliveryError & RetryLaterError & DeferDeliveryError>;
        if (typeof marked.deferMs === 'number') {
          getService(strapi, 'metrics').deliveries.inc({ topic: row.topic, outcome: 'deferred' });
          await knex()(TABLE.outbox)
            .where({ id: row.id, status: 'processing' })
            .update({ status: 'pending', attempts: row.attempts - 1, next_attempt_at: new Date(Date.now() + marked.deferMs), last_error: message.slice(0, 2000), locked_at: null, locked_by: null, updated_at: new Date() });
          return;
        }
        const dead = marked.permanent === true || row.attempts >= (handler.options.maxAttempts ?? config.maxAttempts);
        getService(strapi, 'metrics').deliveries.inc({ topic: row.topic, outcome: dead ? 'dead' : 'retry' });
        let delay = nextDelayMs(row.attempts, config);
        if (typeof marked.retryAfterMs === 'number') delay = Math.max(delay, marked.retryAfterMs);
        await knex()(TABLE.outbox)
          .where({ id: row.id, status: 'processing' })
          .update({
            status: dead ? 'dead' : 'pending',
            next_attempt_at: new Date(Date.now() + delay),
            last_error: message.slice(0, 2000),
            locked_at: null,
            locked_by: null,
            updated_at: new Date(),
          });
        const level = dead ? 'error' : 'warn';
        strapi.log[level](`outbox: ${row.topic} #${row.id} attempt ${row.attempts} failed${dead ? ', moved to dead-letter' : ''}: ${message}`);
      }
    },

    /** One polling round: recover, claim, deliver. Returns how many rows were delivered or retried. */
    async runOnce() {
      const { batchSize } = getConfig(strapi).outbox;
      await service.recoverStuck();
      const rows = await service.claim(batchSize);
      batch = rows;
      try {
        for (let index = 0; index < rows.length; index++) {
          if (stopping) {
            await service.release(rows.slice(index));
            break;
          }
          await service.deliver(rows[index]);
        }
      } finally {
        batch = [];
      }
      return rows.length;
    },

    start() {
      const { pollMs, enabled } = getConfig(strapi).outbox;
      if (!enabled || timer) return;
      stopped = false;
      const tick = async () => {
        if (stopped) return;
        running = (async () => {
          try {
            let handled = await service.runOnce();
            // drain a backlog without waiting a full poll interval between batches
            while (!stopped && handled > 0) handled = await service.runOnce();
          } catch (error) {
            strapi.log.error(`outbox: polling failed: ${(error as Error).message}`);
          }
        })();
        await running;
        running = null;
        if (!stopped) timer = setTimeout(tick, pollMs);
      };
      timer = setTimeout(tick, pollMs);
    },

    /** Claimed rows we will not deliver (shutdown) go back to pending without using an attempt. */
    async release(rows: OutboxRow[]): Promise<number> {
      if (rows.length === 0) return 0;
      return knex()(TABLE.outbox)
        .whereIn('id', rows.map((row) => row.id))
        .andWhere({ status: 'processing', locked_by: workerId })
        .update({ status: 'pending', attempts: knex().raw('greatest(attempts - 1, 0)'), locked_at: null, locked_by: null, updated_at: new Date() });
    },

    /**
     * Stops polling, finishes the delivery in progress and releases the rest of the batch,
     * so no row is left half-done or stuck in processing. With `timeoutMs`, a delivery that is
     * still running at the deadline (a hanging receiver) is not waited for: every row of the
     * batch still claimed by this instance goes back to pending, for the next start or another
     * instance (handlers are idempotent, so a delivery that did go through is not repeated twice
     * in effect). Returns what happened, for the shutdown log.
     */
    async stop({ timeoutMs }: { timeoutMs?: number } = {}) {
      stopped = true;
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (!running) return { waited: false, released: 0 };
      if (timeoutMs === undefined) {
        await running;
        return { waited: true, released: 0 };
      }
      let deadline: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        running.then(() => true),
        new Promise<false>((resolve) => {
          deadline = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
      clearTimeout(deadline);
      if (finished) return { waited: true, released: 0 };
      const released = await service.release(batch);
      strapi.log.warn(`outbox: a delivery was still running after ${timeoutMs} ms of shutdown; released ${released} claimed row(s) to pending`);
      return { waited: true, released };
    },

    /** What is waiting, for readiness and metrics: open rows only, so it stays cheap on a long history. */
    async backlog() {
      const rows = (await knex()(TABLE.outbox).select('status').count('* as count').whereIn('status', ['pending', 'processing', 'dead']).groupBy('status')) as Array<{ status: string; count: string }>;
      const counts: Record<string, number> = { pending: 0, processing: 0, dead: 0 };
      for (const row of rows) counts[row.status] = Number(row.count);
      const oldest = await knex()(TABLE.outbox).where({ status: 'pending' }).andWhere('next_attempt_at', '<=', new Date()).min('created_at as at').first();
      const oldestDueSeconds = oldest?.at ? Math.max(0, Math.round((Date.now() - new Date(oldest.at).getTime()) / 1000)) : 0;
      return { pending: counts.pending, processing: counts.processing, dead: counts.dead, oldestDueSeconds };
    },

    async stats() {
      const rows = await knex()(TABLE.outbox).select('topic', 'status').count('* as count').groupBy('topic', 'status');
      const byStatus: Record<string, number> = { pending: 0, processing: 0, done: 0, dead: 0 };
      const byTopic: Record<string, Record<string, number>> = {};
      for (const row of rows as Array<{ topic: string; status: string; count: string }>) {
        const count = Number(row.count);
        byStatus[row.status] = (byStatus[row.status] ?? 0) + count;
        byTopic[row.topic] = { ...(byTopic[row.topic] ?? {}), [row.status]: count };
      }
      return { byStatus, byTopic };
    },

    async list({ status, topic, page = 1, pageSize = 25 }: { status?: string; topic?: string; page?: number; pageSize?: number }) {
      const base = knex()(TABLE.outbox).modify((query) => {
        if (status) query.where({ status });
        if (topic) query.where({ topic });
      });
      const [{ count }] = await base.clone().count('* as count');
      const rows = await base
        .clone()
        .select('id', 'topic', 'idempotency_key', 'status', 'attempts', 'next_attempt_at', 'last_error', 'created_at', 'updated_at', 'done_at')
        .orderBy('updated_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const total = Number(count);
      return {
        results: rows.map((row: any) => ({
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
        conditions.push(`exists (select 1 from unnest(?::text[]) as reference where strpos(idempotency_key, reference) > 0)`);
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
        bindings
      );
      const keys = (matched.rows as Array<{ idempotency_key: string }>).map((row) => row.idempotency_key);
      await trx.raw(
        `update ${EMAIL_LOG_TABLE} set "to" = case when lower("to") = ? then ? else "to" end, subject = '(erased)', text = null, updated_at = now()
         where (idempotency_key = any(?::text[]) or lower("to") = ?
             or (strpos(lower(subject), ?) > 0 and subject ~* ?) or (strpos(lower(coalesce(text, '')), ?) > 0 and text ~* ?))
           and subject <> '(erased)'`,
        [target.email, target.placeholderEmail, keys, target.email, target.email, address, target.email, address]
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
            [cutoff]
          );
          total += result.rowCount as number;
          if ((result.rowCount as number) < PURGE_BATCH) return total;
        }
      };
      const outbox = await purge(TABLE.outbox, `status = 'done' and coalesce(done_at, updated_at) < ?`);
      const emails = await purge(EMAIL_LOG_TABLE, `sent_at < ?`);
      if (outbox || emails) strapi.log.info(`outbox: retention purged ${outbox} finished deliveries and ${emails} email-log rows older than ${days} days`);
      return { outbox, emails };
    },

    /** Dead row back to pending with a fresh attempt budget. */
    async replay(id: number) {
      const updated = await knex()(TABLE.outbox)
        .where({ id, status: 'dead' })
        .update({ status: 'pending', attempts: 0, next_attempt_at: new Date(), updated_at: new Date() });
      return updated > 0;
    },

    /** Dead row marked done without delivery (kept for the record, with a note). */
    async discard(id: number, by: string) {
      const updated = await knex()(TABLE.outbox)
        .where({ id, status: 'dead' })
        .update({ status: 'done', done_at: new Date(), result: JSON.stringify({ discardedBy: by }), updated_at: new Date() });
      return updated > 0;
    },
  };
  return service;
};
