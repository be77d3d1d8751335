import type { Core } from '@strapi/strapi';

/**
 * The last step of every Strapi process's shutdown (Strapi's destroy(): SIGTERM of `strapi start`,
 * and the one-shot commands of scripts/ through scripts/lib/strapi-command.mjs), run by the app's
 * destroy() after the plugins stopped their own workers (outbox, reminders) and Strapi stopped
 * its cron, and before Strapi closes the database pool.
 *
 * Work that nobody awaits may still be using the database then, and closing the pool under it
 * aborts its next connection request with an unhandled "Error: aborted" (exit code 1):
 * - Strapi's Document Service emits its entry.* events after the commit without awaiting them,
 *   and each emit first re-reads the whole entry with deep populate (a dozen queries); a seed
 *   that has just written 60 documents ends with those reads in flight (issue 24).
 * - a cron task (retention, Odoo stage read-back, calendar refresh, scheduled publishing) that
 *   was running when the cron stopped: stopping the schedule does not wait for it.
 * So: wait for the cron tasks in flight, then for the pool to stay idle, within a deadline.
 */

export interface PoolState {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  numPendingValidations?(): number;
}

/** Connections in use or asked for: 0 means no query runs and none waits for a connection. */
export const poolWork = (pool: PoolState): number =>
  pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() + (pool.numPendingValidations?.() ?? 0);

interface Clock {
  now: () => number;
  /** one turn of the event loop: I/O callbacks and the promise chains they resume run before it ends */
  turn: () => Promise<void>;
  sleep: (ms: number) => Promise<void>;
}

const realClock: Clock = {
  now: () => Date.now(),
  turn: () => new Promise((resolve) => setImmediate(resolve)),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Resolves once the pool has been idle for `quietTurns` consecutive event-loop turns. A chain
 * of queries (a deep populate) releases its connection and asks for the next one within the
 * same turn (only promise continuations run in between), so an idle pool across whole turns
 * means no chain is mid-way. Gives up at the deadline and says how much was still running.
 */
export async function waitForIdlePool(
  pool: PoolState,
  {
    timeoutMs,
    quietTurns = 3,
    pollMs = 10,
    clock = realClock,
  }: { timeoutMs: number; quietTurns?: number; pollMs?: number; clock?: Clock },
): Promise<{ idle: boolean; busy: number; waitedMs: number }> {
  const started = clock.now();
  let quiet = 0;
  while (quiet < quietTurns) {
    const busy = poolWork(pool);
    if (busy > 0) {
      if (clock.now() - started >= timeoutMs) return { idle: false, busy, waitedMs: clock.now() - started };
      quiet = 0;
      await clock.sleep(pollMs);
    } else {
      quiet += 1;
      await clock.turn();
    }
  }
  return { idle: true, busy: 0, waitedMs: clock.now() - started };
}

/** Promises of background work that shutdown must let finish. */
export function createTaskTracker() {
  const running = new Set<Promise<unknown>>();
  return {
    /** Returns the task's own promise (its errors still reach the caller); remembers it until it settles. */
    track<T>(task: Promise<T>): Promise<T> {
      const settled = task.then(
        () => undefined,
        () => undefined,
      );
      running.add(settled);
      void settled.then(() => running.delete(settled));
      return task;
    },
    inFlight: () => running.size,
    /** Resolves once every tracked task settled, or at the deadline with how many still run. */
    async settled(timeoutMs: number): Promise<{ pending: number }> {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      while (running.size > 0) {
        const done = await Promise.race([Promise.all([...running]).then(() => true), deadline.then(() => false)]);
        if (!done) break;
      }
      clearTimeout(timer);
      return { pending: running.size };
    },
  };
}

export type TaskTracker = ReturnType<typeof createTaskTracker>;
type CronTasks = Record<string, unknown>;

/**
 * Wraps every task given to Strapi's cron (`strapi.cron.add`, by the plugins' bootstrap, Strapi's
 * own and server.cron.tasks) so that a run in progress is tracked. Called in the app's register(),
 * before any plugin's bootstrap adds its jobs.
 */
export function trackCronTasks(cron: { add: (tasks: CronTasks) => unknown }, tracker: TaskTracker): void {
  const add = cron.add.bind(cron);
  cron.add = (tasks: CronTasks = {}) => {
    const wrapped: CronTasks = {};
    for (const [name, value] of Object.entries(tasks)) {
      if (typeof value === 'function') {
        wrapped[name] = (...args: unknown[]) => tracker.track(Promise.resolve().then(() => value.apply(tasks, args)));
      } else if (value && typeof (value as { task?: unknown }).task === 'function') {
        const spec = value as { task: (...args: unknown[]) => unknown };
        wrapped[name] = {
          ...spec,
          task: (...args: unknown[]) => tracker.track(Promise.resolve().then(() => spec.task(...args))),
        };
      } else {
        wrapped[name] = value; // Strapi reports what it cannot schedule
      }
    }
    return add(wrapped);
  };
}

const trackers = new WeakMap<Core.Strapi, TaskTracker>();

/** register(): start tracking this Strapi's cron runs. */
export function registerShutdownTracking(strapi: Core.Strapi): void {
  const tracker = createTaskTracker();
  trackers.set(strapi, tracker);
  trackCronTasks(strapi.cron as unknown as { add: (tasks: CronTasks) => unknown }, tracker);
}

export const shutdownTimeoutMs = (env: NodeJS.ProcessEnv = process.env): number => {
  const value = Number(env.SHUTDOWN_TIMEOUT_MS ?? 8000);
  return Number.isFinite(value) && value > 0 ? value : 8000;
};

/** destroy(): cron runs in flight finish, then the database pool goes idle (deadline: SHUTDOWN_TIMEOUT_MS). */
export async function finishBackgroundWork(strapi: Core.Strapi, timeoutMs = shutdownTimeoutMs()): Promise<void> {
  const started = Date.now();
  const cron = (await trackers.get(strapi)?.settled(timeoutMs)) ?? { pending: 0 };
  const pool = (strapi.db?.connection as any)?.client?.pool as PoolState | undefined;
  const database = pool
    ? await waitForIdlePool(pool, { timeoutMs: Math.max(0, timeoutMs - (Date.now() - started)) })
    : { idle: true, busy: 0, waitedMs: 0 };
  const line = `shutdown: background work finished after ${Date.now() - started} ms`;
  if (cron.pending === 0 && database.idle) strapi.log.info(line);
  else
    strapi.log.warn(
      `${line}: deadline passed with ${cron.pending} cron run(s) and ${database.busy} database connection(s) still busy`,
    );
}
