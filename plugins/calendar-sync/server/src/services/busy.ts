import type { Core } from '@strapi/strapi';
import { BusyCache, type BusyInterval } from '../domain/busy-cache';
import { classifyGoogleError } from '../domain/google-errors';
import { getConfig, getService } from '../utils';

const DAY = 24 * 3600 * 1000;

export interface BusyResult {
  busy: Record<string, BusyInterval[]>;
  /** live: asked Google now; cache: from the cache (stale: older than the TTL, Google was slow or down); none: nothing known */
  source: 'live' | 'cache' | 'none';
  stale?: boolean;
}

/**
 * Busy times for the booking plugin. Fresh cache entries answer at once; otherwise Google is
 * asked, but the caller waits at most `timeoutMs`: after that it gets what the cache has (marked
 * stale) and the query finishes in the background to fill the cache. One query per calendar is
 * in flight at a time, however many slot requests wait for it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new BusyCache(getConfig(strapi).busyTtlMs);
  const inFlight = new Map<string, Promise<void>>();
  /** calendars asked for recently: the cron keeps them warm */
  const recent = new Map<string, number>();

  const fetchWindow = (from: Date, to: Date) => {
    const now = Date.now();
    const start = new Date(now);
    start.setUTCHours(0, 0, 0, 0);
    const windowEnd = start.getTime() + getConfig(strapi).busyWindowDays * DAY;
    // inside the usual window: fetch the whole window, so the next request is a cache hit
    if (from.getTime() >= start.getTime()) return { from: start.getTime(), to: Math.max(to.getTime(), windowEnd) };
    return { from: from.getTime(), to: to.getTime() };
  };

  const refreshOne = (calendarId: string, window: { from: number; to: number }) => {
    const running = inFlight.get(calendarId);
    if (running) return running;
    const promise = (async () => {
      const connections = getService(strapi, 'connections');
      try {
        const busy = await getService(strapi, 'google').freeBusy(
          calendarId,
          new Date(window.from),
          new Date(window.to),
        );
        cache.set(calendarId, window.from, window.to, busy);
        await connections.record(calendarId, 'ok');
      } catch (error) {
        const failure = classifyGoogleError(error);
        await connections
          .record(calendarId, failure.kind === 'reconnect' ? 'reconnect' : 'error', failure.message)
          .catch(() => undefined);
        throw error;
      }
    })().finally(() => inFlight.delete(calendarId));
    // a background fetch that nobody awaits any more must not become an unhandled rejection
    promise.catch((error) =>
      strapi.log.warn(`calendar-sync: free/busy for ${calendarId} failed: ${classifyGoogleError(error).message}`),
    );
    inFlight.set(calendarId, promise);
    return promise;
  };

  const service = {
    async busyTimes(
      calendarIds: string[],
      from: Date,
      to: Date,
      { timeoutMs = 800 }: { timeoutMs?: number } = {},
    ): Promise<BusyResult> {
      const ids = [...new Set(calendarIds)];
      const now = Date.now();
      for (const id of ids) recent.set(id, now);
      const busy: Record<string, BusyInterval[]> = {};
      const missing: string[] = [];
      for (const id of ids) {
        const hit = cache.get(id, from.getTime(), to.getTime());
        if (hit?.fresh) busy[id] = hit.busy;
        else missing.push(id);
      }
      if (missing.length === 0) return { busy, source: ids.length ? 'cache' : 'none' };
      if (!getService(strapi, 'google').configured())
        return { busy, source: Object.keys(busy).length ? 'cache' : 'none' };

      const window = fetchWindow(from, to);
      const all = Promise.allSettled(missing.map((id) => refreshOne(id, window)));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([all, timedOut]);
      clearTimeout(timer);

      let stale = false;
      for (const id of missing) {
        const hit = cache.get(id, from.getTime(), to.getTime());
        if (hit) {
          busy[id] = hit.busy;
          if (!hit.fresh) stale = true;
        } else stale = true;
      }
      const failed = outcome === 'timeout' || outcome.some((result) => result.status === 'rejected');
      const known = Object.keys(busy).length > 0;
      if (!failed && !stale) return { busy, source: 'live' };
      return { busy, source: known ? 'cache' : 'none', stale: true };
    },

    /** Cron: refresh calendars used in the last hour, so slot requests rarely wait for Google. */
    async refreshRecent() {
      if (!getService(strapi, 'google').configured()) return 0;
      const cutoff = Date.now() - 3600 * 1000;
      const ids = [...recent.entries()].filter(([, at]) => at >= cutoff).map(([id]) => id);
      for (const [id, at] of recent) if (at < cutoff) recent.delete(id);
      const now = new Date();
      const window = fetchWindow(now, now);
      await Promise.allSettled(ids.map((id) => refreshOne(id, window)));
      return ids.length;
    },

    /** After we changed an event: the next request asks Google again instead of using the old busy times. */
    forget(calendarId: string) {
      cache.delete(calendarId);
    },

    clear() {
      cache.clear();
    },
  };
  return service;
};
