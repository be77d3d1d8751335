import type { Core } from '@strapi/strapi';
import { getConfig, newDocumentId, TABLE } from '../utils';
import { createOutboxAdmin } from './outbox-admin';
import { createOutboxWorker, type HandlerOptions, type OutboxHandler, type RegisteredHandler } from './outbox-worker';

export type {
  HandlerOptions,
  OutboxBatchHandler,
  OutboxBatchOutcome,
  OutboxDelivery,
  OutboxHandler,
  OutboxRow,
  OutboxStatus,
} from './outbox-worker';
export type { ScrubTarget } from './outbox-admin';

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
  /** unique per delivery: a second enqueue with the same key is ignored */
  idempotencyKey: string;
  contactId?: number;
  /** deliver no earlier than this (e.g. a reminder) */
  notBefore?: Date;
}

/*
 * How a handler tells the worker what a failure means. Other plugins throw errors with the same
 * marker properties (duck typing: they cannot import this package's classes; domain/outbox-policy.ts):
 * - `permanent: true`  no retry can fix it (bad address, access rights): dead-letter at once;
 * - `retryAfterMs: n`  retry no earlier than n ms (rate limits); the attempt counts;
 * - `deferMs: n`       not a delivery failure (the receiver is not configured, a circuit breaker
 *                      is open): try again in n ms without using an attempt, so nothing goes dead;
 * - `pauseTopicMs: n`  the provider refuses every request until its limit resets (SendGrid 429
 *                      with X-RateLimit-Reset): the whole topic pauses n ms, no attempt used.
 * Any other error is retried with exponential backoff until the topic's attempts are used up.
 */
export class PermanentDeliveryError extends Error {
  permanent = true;
}

export class RetryLaterError extends Error {
  constructor(
    message: string,
    public retryAfterMs: number,
  ) {
    super(message);
  }
}

export class DeferDeliveryError extends Error {
  constructor(
    message: string,
    public deferMs: number,
  ) {
    super(message);
  }
}

export class RateLimitedError extends Error {
  constructor(
    message: string,
    public pauseTopicMs: number,
  ) {
    super(message);
  }
}

/**
 * The durable outbox: `enqueue` in the business transaction, a worker (outbox-worker.ts) that
 * delivers after commit, and the admin's queries (outbox-admin.ts). docs/adr/0025.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const handlers = new Map<string, RegisteredHandler>();
  const worker = createOutboxWorker(strapi, handlers);
  const admin = createOutboxAdmin(strapi);
  const knex = () => strapi.db.connection;

  return {
    ...admin,
    registerHandler(topic: string, handle: OutboxHandler, options: HandlerOptions = {}) {
      if (handlers.has(topic)) throw new Error(`outbox: a handler for ${topic} is already registered`);
      if (options.batch && !(Number.isInteger(options.batch.maxSize) && options.batch.maxSize >= 1))
        throw new Error(`outbox: the batch size of ${topic} must be a whole number of at least 1`);
      handlers.set(topic, { handle, options });
    },

    hasHandler(topic: string) {
      return handlers.has(topic);
    },

    /**
     * Writes messages in the caller's transaction (Strapi's transaction context, if any),
     * so they commit or roll back with the business rows. Duplicate keys are ignored. The insert
     * trigger notifies the workers of every instance when the transaction commits.
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

    /** Dead row back to pending with a fresh attempt budget; this instance's worker looks at once. */
    async replay(id: number) {
      const replayed = await admin.replay(id);
      if (replayed) worker.wake();
      return replayed;
    },

    installNotifyTrigger: worker.installNotifyTrigger,
    claim: worker.claim,
    heartbeat: worker.heartbeat,
    recoverStuck: worker.recoverStuck,
    syncParking: worker.syncParking,
    release: worker.release,
    deliver: worker.deliver,
    runOnce: worker.runOnce,
    wake: worker.wake,
    workerState: worker.state,

    start() {
      if (!getConfig(strapi).outbox.enabled) return;
      worker.start();
    },

    stop: worker.stop,
  };
};
