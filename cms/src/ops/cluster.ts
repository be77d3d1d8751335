import type { Core } from '@strapi/strapi';
import { contentChangedHere, setContentChangeBroadcast } from '../content/response-cache';

/**
 * Several CMS instances on one database (docs/adr/0025, docs/operations.md), through the leads
 * core's cluster service (PostgreSQL LISTEN/NOTIFY and a job-run table):
 * - the public response cache is dropped on every instance when content changes on one;
 * - a cron tick runs on one instance only: each instance's tick claims (job, scheduled fire
 *   date) and only the first claim runs the task.
 */

/** Jobs whose work is this instance's own (its in-memory state), run on every instance. */
export const PER_INSTANCE_JOBS = new Set(['calendarBusyRefresh']);

const CONTENT_TOPIC = 'content';

interface MetricsService {
  cronRuns?: { inc(labels: { job: string; outcome: 'ran' | 'skipped' }): void };
}

interface ClusterService {
  broadcast(topic: string): Promise<void>;
  subscribe(topic: string, subscriber: () => void): () => void;
  claimRun(job: string, fireDate: Date): Promise<boolean>;
}

type CronTask = (...args: unknown[]) => unknown;
type CronTasks = Record<string, unknown>;

const clusterOf = (strapi: Core.Strapi): ClusterService | null =>
  (strapi.plugin('leads')?.service('cluster') as ClusterService | undefined) ?? null;

/** Wraps a cron task: it runs only if this instance claims the tick (the fire date, the same everywhere). */
export function onceAcrossInstances(
  name: string,
  task: CronTask,
  claim: (job: string, fireDate: Date) => Promise<boolean>,
): CronTask {
  return async function (this: unknown, ...args: unknown[]) {
    const fireDate = args[1];
    if (fireDate instanceof Date && !Number.isNaN(fireDate.getTime()) && !(await claim(name, fireDate)))
      return undefined;
    return task.apply(this, args);
  };
}

/** register(): every cron task added from now on runs once per tick across instances. */
export function registerClusterCron(strapi: Core.Strapi): void {
  const cron = strapi.cron as unknown as { add: (tasks: CronTasks) => unknown };
  const add = cron.add.bind(cron);
  const claim = async (job: string, fireDate: Date) => {
    const cluster = clusterOf(strapi);
    const claimed = cluster ? await cluster.claimRun(job, fireDate) : true;
    (strapi.plugin('leads')?.service('metrics') as MetricsService | undefined)?.cronRuns?.inc({
      job,
      outcome: claimed ? 'ran' : 'skipped',
    });
    return claimed;
  };
  cron.add = (tasks: CronTasks = {}) => {
    const wrapped: CronTasks = {};
    for (const [name, value] of Object.entries(tasks)) {
      if (PER_INSTANCE_JOBS.has(name)) wrapped[name] = value;
      else if (typeof value === 'function') wrapped[name] = onceAcrossInstances(name, value as CronTask, claim);
      else if (value && typeof (value as { task?: unknown }).task === 'function') {
        const spec = value as { task: CronTask };
        wrapped[name] = { ...spec, task: onceAcrossInstances(name, spec.task.bind(spec), claim) };
      } else wrapped[name] = value;
    }
    return add(wrapped);
  };
}

/** bootstrap(): content changes reach the other instances' response caches. */
export function registerClusterCaches(strapi: Core.Strapi): void {
  const cluster = clusterOf(strapi);
  if (!cluster) return;
  setContentChangeBroadcast(() => void cluster.broadcast(CONTENT_TOPIC));
  cluster.subscribe(CONTENT_TOPIC, contentChangedHere);
}
