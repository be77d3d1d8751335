import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { failureOutcome, leasePolicy, marksOf, TopicGate } from '../domain/outbox-policy';
import { getConfig, getService, TABLE } from '../utils';
import { startListener, type Listener } from './outbox-listener';
import type { OutboxBatchHandler, OutboxBatchOutcome, OutboxDelivery, OutboxHandler } from '../contract';

/** The NOTIFY channel: a statement-level trigger on the outbox table notifies it on every insert. */
export const OUTBOX_CHANNEL = 'magnetiq_outbox';
const NOTIFY_FUNCTION = 'magnetiq_outbox_notify';
const NOTIFY_TRIGGER = 'magnetiq_outbox_notify';
const NO_HANDLER_DELAY_MS = 60_000;
/** how often parked topics are re-checked (a receiver configured since) and new rows parked */
const PARKING_CHECK_MS = 5000;
/**
 * NOTIFYs arriving within this window make one round: under a load of hundreds of commits per
 * second, one claim query per commit would cost the database more than the deliveries.
 */
const NOTIFY_COALESCE_MS = 20;

export type OutboxStatus = 'pending' | 'processing' | 'done' | 'dead' | 'parked';

export interface OutboxRow {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
  idempotency_key: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at?: Date;
}

// the contract's delivery and handler types: a handler declares the payload shape its topic's writer puts in
export type { OutboxBatchHandler, OutboxBatchOutcome, OutboxDelivery, OutboxHandler };

export interface HandlerOptions {
  /** attempts before dead-letter for this topic (default: the outbox config) */
  maxAttempts?: number;
  /**
   * deliveries of this topic in flight at once on one instance (default 1: a handler that
   * reads-then-writes a receiver, like odoo-sync's get-or-create, opts in only when that is safe)
   */
  concurrency?: number;
  /**
   * false while the receiver cannot take anything at all (e.g. Odoo not configured): the
   * topic's rows are parked ("waiting for configuration", apart from the backlog) and resume
   * on their own once it answers true again
   */
  ready?: () => boolean;
  /**
   * deliver up to `maxSize` due rows of the topic in one call (a receiver that takes many records
   * per request, e.g. Odoo's create with a list): a throw fails every row of the batch, an
   * outcome fails only its row. One batch counts as one delivery against `concurrency`.
   */
  batch?: { maxSize: number; handle: OutboxBatchHandler };
}

export interface RegisteredHandler {
  handle: OutboxHandler;
  options: HandlerOptions;
}

export interface WorkerClock {
  now: () => number;
}

/**
 * A row as its topic's handler gets it. The payload is the JSON the topic's writer stored; the handler
 * registered for the topic declares the shape it reads (the contract's `OutboxDelivery<P>`), which is
 * why the payload is handed over as `never` (assignable to the shape each handler declares).
 */
const deliveryOf = (row: OutboxRow): OutboxDelivery<never> => ({
  id: row.id,
  topic: row.topic,
  payload: row.payload as never,
  idempotencyKey: row.idempotency_key,
  attempt: row.attempts,
});

const parsePayload = (payload: unknown): Record<string, unknown> =>
  typeof payload === 'string' ? (JSON.parse(payload) as Record<string, unknown>) : (payload as Record<string, unknown>);

export const notifyTriggerSql = (): string[] => [
  `create or replace function ${NOTIFY_FUNCTION}() returns trigger language plpgsql as $fn$
begin
  perform pg_notify('${OUTBOX_CHANNEL}', '');
  return null;
end
$fn$`,
  `drop trigger if exists ${NOTIFY_TRIGGER} on ${TABLE.outbox}`,
  `create trigger ${NOTIFY_TRIGGER} after insert on ${TABLE.outbox} for each statement execute function ${NOTIFY_FUNCTION}()`,
];

/**
 * The delivery side of the outbox (docs/adr/0025): claims due rows in batches with a lease
 * (`locked_by` = this instance, `lease_until` renewed by a heartbeat while it lives), delivers
 * them with bounded concurrency per topic, and wakes on commit (LISTEN on the channel the
 * insert trigger notifies), with polling as the fallback. Rows whose lease ran out (their
 * instance died) are taken back by any live instance within a lease.
 */
export function createOutboxWorker(
  strapi: Core.Strapi,
  handlers: Map<string, RegisteredHandler>,
  clock: WorkerClock = { now: Date.now },
) {
  const workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const knex = (): Knex => strapi.db.connection;
  const config = () => getConfig(strapi).outbox;
  const lease = () => leasePolicy(config().leaseMs);
  // one at a time unless the handler says it is safe in parallel (the email handler does)
  const gate = new TopicGate((topic) => handlers.get(topic)?.options.concurrency ?? 1);

  /** rows this instance holds: delivering, or claimed and waiting for a slot of their topic */
  const held = new Map<number, OutboxRow>();
  const waiting: OutboxRow[] = [];
  const deliveries = new Set<Promise<void>>();
  let stopped = true;
  let pumping: Promise<void> | null = null;
  let again = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let listener: Listener | null = null;
  let dueTimer: NodeJS.Timeout | null = null;
  let notifyTimer: NodeJS.Timeout | null = null;
  let dueAt = Number.POSITIVE_INFINITY;
  let lastRecovery = 0;
  let lastParking = 0;
  /** the last round's claim got as many rows as it asked for: more may be due */
  let moreDue = false;

  const now = () => new Date(clock.now());
  const metrics = () => getService(strapi, 'metrics');

  /** Topics whose receiver is not ready (parked), by the handlers' own answer. */
  const readiness = () => {
    const parked: string[] = [];
    const ready: string[] = [];
    for (const [topic, handler] of handlers) {
      if (!handler.options.ready) continue;
      (handler.options.ready() ? ready : parked).push(topic);
    }
    return { parked, ready };
  };

  /**
   * Wakes the worker at `at` (a retry or a rate limit this instance scheduled), whatever the
   * poll interval: one timer, for the earliest such time.
   */
  const wakeAt = (at: number) => {
    if (stopped || at >= dueAt) return;
    if (dueTimer) clearTimeout(dueTimer);
    dueAt = at;
    dueTimer = setTimeout(
      () => {
        dueTimer = null;
        dueAt = Number.POSITIVE_INFINITY;
        worker.wake();
      },
      Math.max(0, at - clock.now()) + 5,
    );
  };

  /** How many rows of a topic this instance holds at most: two deliveries' worth per slot. */
  const topicHoldLimit = (topic: string) => {
    const options = handlers.get(topic)?.options;
    return 2 * (options?.concurrency ?? 1) * (options?.batch?.maxSize ?? 1);
  };

  /** Takes the waiting rows of a topic from `start` on (the first is the one that got the slot), up to `max`. */
  const takeWaiting = (topic: string, start: number, max: number): OutboxRow[] => {
    const taken: OutboxRow[] = [];
    for (let index = start; index < waiting.length && taken.length < max;) {
      if (waiting[index].topic === topic) taken.push(...waiting.splice(index, 1));
      else index++;
    }
    return taken;
  };

  const finish = (id: number, fields: Record<string, unknown>) =>
    knex()(TABLE.outbox)
      .where({ id, status: 'processing', locked_by: workerId })
      .update({ locked_at: null, lease_until: null, updated_at: now(), ...fields });

  const worker = {
    workerId,

    /** The NOTIFY trigger, installed after Strapi's schema sync; instances booting at once take turns. */
    async installNotifyTrigger() {
      await knex().transaction(async (trx) => {
        await trx.raw(`select pg_advisory_xact_lock(hashtext('magnetiq.outbox-notify-trigger'))`);
        for (const statement of notifyTriggerSql()) await trx.raw(statement);
      });
    },

    /**
     * Claims up to `limit` due rows for this instance, skipping rows other instances hold (FOR
     * UPDATE SKIP LOCKED) and the topics given (paused, at their limit, parked).
     */
    async claim(limit: number, excludeTopics: string[] = [], onlyTopic?: string): Promise<OutboxRow[]> {
      if (limit <= 0) return [];
      const topicFilter = onlyTopic === undefined ? '' : 'and topic = ?';
      const result = await knex().raw(
        `update ${TABLE.outbox} set status = 'processing', locked_at = now(), locked_by = ?, lease_until = now() + (? * interval '1 millisecond'),
           attempts = attempts + 1, updated_at = now()
         where id in (
           select id from ${TABLE.outbox}
           where status = 'pending' and next_attempt_at <= now() and not (topic = any(?::text[])) ${topicFilter}
           order by next_attempt_at, id
           limit ? for update skip locked)
         returning id, topic, payload, idempotency_key, status, attempts, next_attempt_at, last_error, created_at`,
        [workerId, lease().leaseMs, excludeTopics, ...(onlyTopic === undefined ? [] : [onlyTopic]), limit],
      );
      return (result.rows as OutboxRow[]).map((row) => ({ ...row, payload: parsePayload(row.payload) }));
    },

    /** Renews the lease of every row this instance holds; returns how many. */
    async heartbeat(): Promise<number> {
      if (held.size === 0) return 0;
      const result = await knex().raw(
        `update ${TABLE.outbox} set lease_until = now() + (? * interval '1 millisecond')
         where status = 'processing' and locked_by = ? and id = any(?::int[])`,
        [lease().leaseMs, workerId, [...held.keys()]],
      );
      return result.rowCount as number;
    },

    /**
     * Rows whose claim's lease ran out (the instance that held them stopped beating: crashed,
     * killed, cut off) go back to pending; their attempt counts. Rows claimed before leases
     * existed (no lease_until) fall back to the processing timeout.
     */
    async recoverStuck(): Promise<number> {
      lastRecovery = clock.now();
      const result = await knex().raw(
        `update ${TABLE.outbox} set status = 'pending', locked_at = null, locked_by = null, lease_until = null, next_attempt_at = now(),
           last_error = coalesce(last_error, '') || case when last_error is null then '' else E'\\n' end || 'recovered: the instance ' || coalesce(locked_by, 'unknown') || ' stopped mid-delivery',
           updated_at = now()
         where status = 'processing' and (lease_until < now() or (lease_until is null and locked_at < now() - (? * interval '1 millisecond')))`,
        [config().processingTimeoutMs],
      );
      const count = result.rowCount as number;
      if (count > 0) strapi.log.warn(`outbox: recovered ${count} row(s) whose claim's lease ran out`);
      return count;
    },

    /**
     * Parks the due rows of topics whose receiver is not ready and resumes the parked rows of
     * topics that are ready again. Returns the counts.
     */
    async syncParking(): Promise<{ parked: number; resumed: number }> {
      lastParking = clock.now();
      const { parked, ready } = readiness();
      let parkedCount = 0;
      let resumed = 0;
      if (parked.length) {
        parkedCount = await knex()(TABLE.outbox)
          .where({ status: 'pending' })
          .whereIn('topic', parked)
          .update({ status: 'parked', last_error: 'waiting for configuration', updated_at: now() });
      }
      if (ready.length) {
        resumed = await knex()(TABLE.outbox)
          .where({ status: 'parked' })
          .whereIn('topic', ready)
          .update({ status: 'pending', next_attempt_at: now(), last_error: null, updated_at: now() });
        if (resumed > 0) strapi.log.info(`outbox: ${resumed} parked row(s) resume: their receiver is configured now`);
      }
      return { parked: parkedCount, resumed };
    },

    /** Claimed rows we will not deliver now go back to pending without using an attempt. */
    async release(rows: OutboxRow[], notBefore?: Date): Promise<number> {
      if (rows.length === 0) return 0;
      for (const row of rows) held.delete(row.id);
      return knex()(TABLE.outbox)
        .whereIn(
          'id',
          rows.map((row) => row.id),
        )
        .andWhere({ status: 'processing', locked_by: workerId })
        .update({
          status: 'pending',
          attempts: knex().raw('greatest(attempts - 1, 0)'),
          locked_at: null,
          locked_by: null,
          lease_until: null,
          ...(notBefore ? { next_attempt_at: notBefore } : {}),
          updated_at: now(),
        });
    },

    /** Delivers one claimed row and records the outcome. */
    async deliver(row: OutboxRow) {
      const handler = handlers.get(row.topic);
      if (!handler) return worker.noHandler(row);
      let outcome: OutboxBatchOutcome;
      try {
        outcome = { ok: true, result: await handler.handle(deliveryOf(row)) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      await worker.record(row, handler, outcome);
    },

    /**
     * Delivers claimed rows of one topic in one call of its batch handler and records each row's
     * outcome: a throw (the receiver is down, rate-limited) is every row's failure.
     */
    async deliverBatch(rows: OutboxRow[]) {
      const handler = handlers.get(rows[0].topic);
      if (!handler?.options.batch) {
        for (const row of rows) await worker.deliver(row);
        return;
      }
      let outcomes: OutboxBatchOutcome[];
      try {
        outcomes = await handler.options.batch.handle(rows.map(deliveryOf));
        if (outcomes.length !== rows.length)
          throw new Error(
            `the batch handler of ${rows[0].topic} answered ${outcomes.length} outcomes for ${rows.length} rows`,
          );
      } catch (error) {
        outcomes = rows.map(() => ({ ok: false, error }));
      }
      for (const [index, row] of rows.entries()) await worker.record(row, handler, outcomes[index]);
    },

    /** No plugin handles this topic (yet): keep the row, do not burn an attempt. */
    async noHandler(row: OutboxRow) {
      await finish(row.id, {
        status: 'pending',
        attempts: Math.max(0, row.attempts - 1),
        next_attempt_at: new Date(clock.now() + NO_HANDLER_DELAY_MS),
        last_error: `no handler registered for ${row.topic}`,
        locked_by: null,
      });
    },

    /** Records a delivery's outcome on its row: done, or the failure's next state (retry, pause, dead). */
    async record(row: OutboxRow, handler: RegisteredHandler, outcome: OutboxBatchOutcome) {
      if (outcome.ok) {
        const { result } = outcome;
        metrics().deliveries.inc({ topic: row.topic, outcome: 'done' });
        if (row.created_at)
          metrics().deliveryLatency.observe(
            { topic: row.topic },
            (clock.now() - new Date(row.created_at).getTime()) / 1000,
          );
        // locked_by stays on a done row: which instance delivered it
        await finish(row.id, {
          status: 'done',
          done_at: now(),
          result: result === undefined ? null : JSON.stringify(result),
          last_error: null,
        });
        return;
      }
      const { error } = outcome;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const failure = failureOutcome(
        marksOf(error),
        row.attempts,
        handler.options.maxAttempts ?? config().maxAttempts,
        config(),
      );
      metrics().deliveries.inc({ topic: row.topic, outcome: failure.kind === 'paused' ? 'deferred' : failure.kind });
      if (failure.kind === 'paused') {
        const alreadyPaused = gate.isPaused(row.topic, clock.now());
        gate.pause(row.topic, clock.now() + failure.pauseTopicMs);
        if (!alreadyPaused)
          strapi.log.warn(
            `outbox: ${row.topic} paused for ${failure.pauseTopicMs} ms (provider rate limit): ${message}`,
          );
      }
      if (failure.status === 'pending') wakeAt(clock.now() + failure.delayMs);
      await finish(row.id, {
        status: failure.status,
        attempts: failure.refundAttempt ? Math.max(0, row.attempts - 1) : row.attempts,
        next_attempt_at: new Date(clock.now() + failure.delayMs),
        last_error: message,
        locked_by: null,
      });
      if (failure.kind === 'retry' || failure.kind === 'dead') {
        const dead = failure.kind === 'dead';
        strapi.log[dead ? 'error' : 'warn'](
          `outbox: ${row.topic} #${row.id} attempt ${row.attempts} failed${dead ? ', moved to dead-letter' : ''}: ${message}`,
        );
      }
    },

    /** Starts deliveries of waiting rows whose topic has a free slot; releases rows of paused topics. */
    async dispatch() {
      const paused: OutboxRow[] = [];
      for (let index = 0; index < waiting.length;) {
        const row = waiting[index];
        if (gate.isPaused(row.topic, clock.now())) {
          paused.push(row);
          waiting.splice(index, 1);
          continue;
        }
        if (!gate.tryAcquire(row.topic, clock.now())) {
          index++;
          continue;
        }
        const batch = handlers.get(row.topic)?.options.batch;
        // a batched topic: this row and the next waiting ones of its topic, up to the batch size
        const rows = batch ? takeWaiting(row.topic, index, batch.maxSize) : waiting.splice(index, 1);
        const delivery: Promise<void> = (batch ? worker.deliverBatch(rows) : worker.deliver(row))
          .catch((error: Error) => {
            strapi.log.error(
              `outbox: recording the delivery of ${rows.map((one) => `#${one.id}`).join(', ')} failed: ${error.message}`,
            );
          })
          .finally(() => {
            gate.release(row.topic);
            for (const one of rows) held.delete(one.id);
            deliveries.delete(delivery);
            if (stopped) return;
            // the rows this instance already holds first; claim more when half the batch is used up
            void worker
              .dispatch()
              .catch((error: Error) => strapi.log.error(`outbox: dispatch failed: ${error.message}`));
            if (batch || held.size <= config().batchSize / 2) worker.wake();
          });
        deliveries.add(delivery);
      }
      if (paused.length) {
        const byTopic = new Map<string, OutboxRow[]>();
        for (const row of paused) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
        for (const [topic, rows] of byTopic) {
          const resume = Math.max(gate.nextResume(clock.now()) ?? clock.now(), clock.now());
          await worker.release(rows, new Date(resume));
          wakeAt(resume);
          strapi.log.info(`outbox: released ${rows.length} claimed ${topic} row(s) until its rate limit resets`);
        }
      }
    },

    /**
     * One round: recover expired leases and sync parking when due, claim as many rows as this
     * instance has room for (not of blocked topics), start their deliveries. Returns the number
     * claimed.
     */
    async fill(): Promise<number> {
      const current = clock.now();
      if (current - lastRecovery >= lease().heartbeatMs) await worker.recoverStuck();
      if (current - lastParking >= PARKING_CHECK_MS) await worker.syncParking();
      // a topic that holds twice what it delivers at once has enough to do: leave the room to the others
      const heldByTopic = new Map<string, number>();
      for (const row of held.values()) heldByTopic.set(row.topic, (heldByTopic.get(row.topic) ?? 0) + 1);
      const full = [...heldByTopic].filter(([topic, count]) => count >= topicHoldLimit(topic)).map(([topic]) => topic);
      const excluded = [...new Set([...gate.blocked(current), ...readiness().parked, ...full])];
      // batched topics claim for themselves (up to two batches per delivery slot), the others share the batch size
      const batched = [...handlers].filter(([, handler]) => handler.options.batch).map(([topic]) => topic);
      const heldOfBatched = batched.reduce((sum, topic) => sum + (heldByTopic.get(topic) ?? 0), 0);
      const room = config().batchSize - (held.size - heldOfBatched);
      const claims: Array<{ limit: number; rows: () => Promise<OutboxRow[]> }> = [];
      if (room > 0)
        claims.push({ limit: room, rows: () => worker.claim(room, [...new Set([...excluded, ...batched])]) });
      for (const topic of batched) {
        if (excluded.includes(topic)) continue;
        const limit = topicHoldLimit(topic) - (heldByTopic.get(topic) ?? 0);
        if (limit > 0) claims.push({ limit, rows: () => worker.claim(limit, [], topic) });
      }
      let claimed = 0;
      moreDue = false;
      for (const claim of claims) {
        const rows = await claim.rows();
        if (rows.length >= claim.limit) moreDue = true;
        claimed += rows.length;
        for (const row of rows) {
          held.set(row.id, row);
          waiting.push(row);
        }
      }
      await worker.dispatch();
      return claimed;
    },

    /**
     * Asks for a round soon (a NOTIFY arrived, a delivery finished, the poll timer fired).
     * Rounds never overlap: a wake during a round makes it run once more.
     */
    wake() {
      if (stopped) return;
      if (pumping) {
        again = true;
        return;
      }
      pumping = (async () => {
        try {
          do {
            again = false;
            await worker.fill();
            // a full claim: more may be due at once
            if (moreDue) again = true;
          } while (again && !stopped);
        } catch (error) {
          strapi.log.error(`outbox: polling failed: ${(error as Error).message}`);
        } finally {
          pumping = null;
        }
      })();
    },

    /** For tests and the admin: one round, waiting for its deliveries. Returns how many were claimed. */
    async runOnce(): Promise<number> {
      const claimed = await worker.fill();
      await Promise.all([...deliveries]);
      return claimed;
    },

    start() {
      const { pollMs, enabled } = config();
      if (!enabled || !stopped) return;
      stopped = false;
      const poll = () => {
        if (stopped) return;
        worker.wake();
        pollTimer = setTimeout(poll, pollMs);
      };
      // renew our leases, and take back rows of instances that stopped renewing theirs, whatever the poll interval
      heartbeatTimer = setInterval(() => {
        worker
          .heartbeat()
          .then(() => worker.recoverStuck())
          .then(async (recovered) => {
            // parking too: the rows of a receiver that is not configured are marked whatever wakes the worker
            const resumed = clock.now() - lastParking >= PARKING_CHECK_MS ? (await worker.syncParking()).resumed : 0;
            if (recovered > 0 || resumed > 0) worker.wake();
          })
          .catch((error: Error) => strapi.log.warn(`outbox: lease heartbeat failed: ${error.message}`));
      }, lease().heartbeatMs);
      listener = startListener(strapi, {
        channels: [OUTBOX_CHANNEL],
        onNotify: () => {
          if (notifyTimer) return;
          notifyTimer = setTimeout(() => {
            notifyTimer = null;
            worker.wake();
          }, NOTIFY_COALESCE_MS);
        },
        onReconnect: () => worker.wake(),
      });
      pollTimer = setTimeout(poll, 0);
    },

    /**
     * Stops polling and listening, lets the deliveries in progress finish and releases the rows
     * that were claimed but not started. With `timeoutMs`, deliveries still running at the
     * deadline (a hanging receiver) are not waited for: their rows go back to pending, for the
     * next start or another instance (handlers are idempotent).
     */
    async stop({ timeoutMs }: { timeoutMs?: number } = {}) {
      const wasRunning = !stopped;
      stopped = true;
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = null;
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      heartbeatTimer = null;
      if (dueTimer) clearTimeout(dueTimer);
      dueTimer = null;
      dueAt = Number.POSITIVE_INFINITY;
      if (notifyTimer) clearTimeout(notifyTimer);
      notifyTimer = null;
      await listener?.stop();
      listener = null;
      if (pumping) await pumping;
      let released = await worker.release(waiting.splice(0));
      if (!wasRunning && deliveries.size === 0) return { waited: false, released };
      if (deliveries.size === 0) return { waited: true, released };
      const all = Promise.all([...deliveries]).then(() => true);
      if (timeoutMs === undefined) {
        await all;
        return { waited: true, released };
      }
      let deadline: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        all,
        new Promise<false>((resolve) => (deadline = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(deadline);
      if (finished) return { waited: true, released };
      released += await worker.release([...held.values()]);
      strapi.log.warn(
        `outbox: deliveries were still running after ${timeoutMs} ms of shutdown; released ${released} claimed row(s) to pending`,
      );
      return { waited: true, released };
    },

    /** What this instance holds now (for metrics and tests). */
    state() {
      return {
        workerId,
        held: held.size,
        waiting: waiting.length,
        delivering: gate.running(),
        listening: listener?.connected() ?? false,
      };
    },
  };
  return worker;
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
