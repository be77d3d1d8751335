import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { startListener, type Listener } from './outbox-listener';

/**
 * What several CMS instances on one PostgreSQL need to agree on (docs/adr/0025):
 * - cache invalidation: `broadcast(topic)` runs this instance's subscribers at once and sends a
 *   NOTIFY that every other instance's LISTEN connection turns into the same call;
 * - scheduled jobs: `claimRun(job, fireDate)` lets exactly one instance run a cron tick (a row
 *   per job and tick, the first insert wins).
 * PostgreSQL rather than Redis: it is always there (Redis is optional), and a NOTIFY sent in a
 * transaction arrives only after its commit.
 */
export const CLUSTER_CHANNEL = 'magnetiq_cluster';
export const JOB_RUNS_TABLE = 'magnetiq_job_runs';
/** job rows older than this are deleted (they only guard ticks happening now) */
const JOB_RUN_KEEP_DAYS = 7;

type Subscriber = () => void;

interface ClusterMessage {
  from: string;
  topic: string;
}

const isClusterMessage = (value: unknown): value is ClusterMessage =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ClusterMessage).from === 'string' &&
  typeof (value as ClusterMessage).topic === 'string';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const instanceId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const subscribers = new Map<string, Set<Subscriber>>();
  const knex = (): Knex => strapi.db.connection;
  let listener: Listener | null = null;

  const runLocal = (topic: string) => {
    for (const subscriber of subscribers.get(topic) ?? []) {
      try {
        subscriber();
      } catch (error) {
        strapi.log.error(`cluster: a subscriber of ${topic} failed: ${(error as Error).message}`);
      }
    }
  };

  const service = {
    instanceId,

    subscribe(topic: string, subscriber: Subscriber) {
      const set = subscribers.get(topic) ?? new Set<Subscriber>();
      set.add(subscriber);
      subscribers.set(topic, set);
      return () => set.delete(subscriber);
    },

    /**
     * Tells every instance (this one at once, the others through NOTIFY) that `topic` changed.
     * A lost NOTIFY (another instance's LISTEN connection was down) is bounded by the caches' TTLs,
     * and a reconnecting instance drops all its caches.
     */
    async broadcast(topic: string) {
      runLocal(topic);
      const message: ClusterMessage = { from: instanceId, topic };
      try {
        await knex().raw('select pg_notify(?, ?)', [CLUSTER_CHANNEL, JSON.stringify(message)]);
      } catch (error) {
        strapi.log.warn(
          `cluster: could not tell the other instances that ${topic} changed: ${(error as Error).message}`,
        );
      }
    },

    /** Starts listening (bootstrap); notifications of this instance's own broadcasts are ignored. */
    start() {
      if (listener) return;
      listener = startListener(strapi, {
        channels: [CLUSTER_CHANNEL],
        onNotify: (_channel, payload) => {
          let message: unknown;
          try {
            message = JSON.parse(payload);
          } catch {
            return;
          }
          if (isClusterMessage(message) && message.from !== instanceId) runLocal(message.topic);
        },
        // whatever changed while we were not listening: forget everything
        onReconnect: () => {
          for (const topic of subscribers.keys()) runLocal(topic);
        },
      });
    },

    async stop() {
      await listener?.stop();
      listener = null;
    },

    async installJobRuns() {
      await knex().transaction(async (trx) => {
        await trx.raw(`select pg_advisory_xact_lock(hashtext('magnetiq.job-runs'))`);
        await trx.raw(
          `create table if not exists ${JOB_RUNS_TABLE} (
             job varchar(200) not null,
             fire_date timestamptz not null,
             instance varchar(200) not null,
             started_at timestamptz not null default now(),
             primary key (job, fire_date))`,
        );
      });
    },

    /**
     * True for exactly one of the instances that ask for the same job and tick (the cron's
     * scheduled fire date, the same on every instance).
     */
    async claimRun(job: string, fireDate: Date): Promise<boolean> {
      const result = await knex().raw(
        `insert into ${JOB_RUNS_TABLE} (job, fire_date, instance) values (?, ?, ?) on conflict do nothing`,
        [job, fireDate, instanceId],
      );
      const claimed = (result.rowCount as number) === 1;
      if (claimed && Math.random() < 0.01) {
        await knex().raw(`delete from ${JOB_RUNS_TABLE} where fire_date < now() - (? * interval '1 day')`, [
          JOB_RUN_KEEP_DAYS,
        ]);
      }
      return claimed;
    },
  };
  return service;
};
