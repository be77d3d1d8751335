import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { freeSlots, visitorWindow, type Interval, type SlotHost, type SlotRules } from '../domain/slots';
import { ACTIVE_STATUSES, busyService, getConfig, leads, TABLE } from '../utils';
import type { HostRecord, MeetingTypeRecord } from './catalog';

const DAY = 24 * 3600 * 1000;
/** round-robin: the host with the fewest active bookings in this many days gets the next one */
const LOAD_WINDOW_DAYS = 30;

export const rulesOf = (type: MeetingTypeRecord): SlotRules => ({
  durationMinutes: type.durationMinutes,
  bufferBeforeMinutes: type.bufferBeforeMinutes,
  bufferAfterMinutes: type.bufferAfterMinutes,
  minimumNoticeMinutes: type.minimumNoticeMinutes,
  maxDaysAhead: type.maxDaysAhead,
  slotStepMinutes: type.slotStepMinutes,
  dailyLimitPerHost: type.dailyLimitPerHost,
});

export interface BusyMeta {
  source: 'live' | 'cache' | 'none';
  stale?: boolean;
}

type SlotsAnswer = { days: ReturnType<typeof freeSlots>; busy: BusyMeta };

/** What the slot listing is asked: a meeting type and its hosts, the visitor's days (YYYY-MM-DD, inclusive) and zone. */
export interface SlotsQuery {
  type: MeetingTypeRecord;
  hosts: HostRecord[];
  from: string;
  to: string;
  timeZone: string;
  /** the moment to compute for (epoch ms); given: computed afresh, never from the answer cache */
  now?: number;
}

const EPOCH_COLUMNS = ['starts_at', 'ends_at', 'blocked_from', 'blocked_until'] as const;
/** A booking as the slot computation reads it: times in epoch milliseconds. */
interface BookingTimes {
  document_id: string;
  host: string;
  meeting_type: string;
  starts_at: number;
  ends_at: number;
  blocked_from: number;
  blocked_until: number;
}

/** cluster topics of the booking caches (leads' cluster service: every instance drops its copy) */
export const CLUSTER_TOPIC = { slots: 'booking.slots', catalog: 'booking.catalog' } as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  /*
   * Computed answers for a moment (BOOKING_SLOTS_CACHE_MS): many visitors look at the same type
   * and month. Dropped on every booking change and catalog change on this instance; another
   * instance may show a just-taken slot for that long, which the booking's re-check under the
   * lock turns into a 409 with fresh slots.
   */
  const answers = new Map<string, { at: number; value: Promise<SlotsAnswer> }>();

  return {
    /** Drops the computed answers here and, through the leads cluster service, on every other instance. */
    invalidate() {
      answers.clear();
      void leads(strapi).cluster.broadcast(CLUSTER_TOPIC.slots);
    },

    /** This instance only (another instance broadcast the change). */
    invalidateLocal() {
      answers.clear();
    },

    /**
     * What the slot function needs about each host, from two queries (bookings that touch the
     * window, and each host's load) plus calendar busy times. Inside the booking transaction
     * `trx` makes the reads see what the lock protects; `exclude` leaves out the booking that is
     * being moved.
     */
    async slotHosts(
      type: MeetingTypeRecord,
      hosts: HostRecord[],
      window: Interval,
      now: number,
      options: {
        trx?: Knex.Transaction;
        exclude?: string;
        busy?: Record<string, Array<{ start: string; end: string }>>;
      } = {},
    ): Promise<SlotHost[]> {
      if (hosts.length === 0) return [];
      const ids = hosts.map((host) => host.documentId);
      const query = (builder: Knex.QueryBuilder) => (options.trx ? builder.transacting(options.trx) : builder);
      // a day on either side: buffers reach over the window's edge, and the daily limit counts whole host days
      const bookingsQuery = () =>
        query(
          knex()(TABLE.booking)
            // times as epoch milliseconds (float8 → a JS number): parsing four timestamps per row
            // in postgres-date cost as much CPU as the slot computation itself (ADR 0025)
            .select(
              'document_id',
              'host',
              'meeting_type',
              ...EPOCH_COLUMNS.map((column) =>
                knex().raw(`(extract(epoch from ??) * 1000)::float8 as ??`, [column, column]),
              ),
            )
            .whereIn('host', ids)
            .whereIn('status', [...ACTIVE_STATUSES])
            .where('blocked_until', '>', new Date(window.start - DAY))
            .where('blocked_from', '<', new Date(window.end + DAY)),
        );
      const loadsQuery = () =>
        query(
          knex()(TABLE.booking)
            .select('host')
            .count('* as count')
            .whereIn('host', ids)
            .whereIn('status', [...ACTIVE_STATUSES])
            .where('starts_at', '>=', new Date(now))
            .where('starts_at', '<', new Date(now + LOAD_WINDOW_DAYS * DAY))
            .groupBy('host'),
        );
      // one connection cannot run two queries at once: inside the transaction they go one after the other
      const [rows, loads] = options.trx
        ? [await bookingsQuery(), await loadsQuery()]
        : await Promise.all([bookingsQuery(), loadsQuery()]);
      const loadOf = new Map<string, number>(
        (loads as Array<{ host: string; count: unknown }>).map((row) => [row.host, Number(row.count)]),
      );
      return hosts.map((host) => {
        const own = (rows as BookingTimes[]).filter(
          (row) => row.host === host.documentId && row.document_id !== options.exclude,
        );
        // the booking being moved is busy in Google too (its own event): that interval does not count
        const moving = (rows as BookingTimes[]).find((row) => row.document_id === options.exclude);
        const calendarBusy = ((host.calendarId && options.busy?.[host.calendarId]) || []).filter(
          (interval) =>
            !moving || Date.parse(interval.start) !== moving.starts_at || Date.parse(interval.end) !== moving.ends_at,
        );
        return {
          id: host.slug,
          timeZone: host.timeZone,
          weeklyHours: host.weeklyHours,
          dateOverrides: host.dateOverrides,
          busy: [
            ...own.map((row) => ({ start: row.blocked_from, end: row.blocked_until })),
            ...calendarBusy.map((interval) => ({ start: Date.parse(interval.start), end: Date.parse(interval.end) })),
          ],
          bookedStarts: own.filter((row) => row.meeting_type === type.documentId).map((row) => row.starts_at),
          load: loadOf.get(host.documentId) ?? 0,
        };
      });
    },

    /** Google busy times of the hosts, never waiting longer than the configured timeout. */
    async calendarBusy(
      hosts: HostRecord[],
      window: Interval,
      timeoutMs = getConfig(strapi).busyTimeoutMs,
    ): Promise<{ busy: Record<string, Array<{ start: string; end: string }>>; meta: BusyMeta }> {
      const calendars = [...new Set(hosts.map((host) => host.calendarId).filter((id): id is string => !!id))];
      const service = busyService(strapi);
      if (!service || calendars.length === 0) return { busy: {}, meta: { source: 'none' } };
      try {
        const result = await service.busyTimes(calendars, new Date(window.start), new Date(window.end), { timeoutMs });
        return { busy: result.busy, meta: { source: result.source, ...(result.stale ? { stale: true } : {}) } };
      } catch (error) {
        strapi.log.warn(`booking: busy times unavailable: ${(error as Error).message}`);
        return { busy: {}, meta: { source: 'none', stale: true } };
      }
    },

    async slots({ type, hosts, from, to, timeZone, now }: SlotsQuery): Promise<SlotsAnswer> {
      const ttl = getConfig(strapi).slotsCacheMs;
      if (now !== undefined || ttl <= 0)
        return this.computeSlots({ type, hosts, from, to, timeZone, now: now ?? Date.now() });
      const key = `${type.documentId}|${type.locale}|${hosts.map((host) => host.slug).join(',')}|${from}|${to}|${timeZone}`;
      const known = answers.get(key);
      if (known && Date.now() - known.at < ttl) return known.value;
      if (answers.size > 2000) answers.clear();
      const value = this.computeSlots({ type, hosts, from, to, timeZone, now: Date.now() });
      answers.set(key, { at: Date.now(), value });
      value.catch(() => answers.delete(key));
      return value;
    },

    async computeSlots({ type, hosts, from, to, timeZone, now }: SlotsQuery & { now: number }): Promise<SlotsAnswer> {
      const window = visitorWindow({ from, to, timeZone });
      // no reason to ask Google about the past or beyond the horizon
      const horizonEnd = now + (type.maxDaysAhead + 2) * DAY;
      const busyWindow = { start: Math.max(window.start, now), end: Math.min(window.end, horizonEnd) };
      const [calendar, slotHosts] = await Promise.all([
        busyWindow.end > busyWindow.start
          ? this.calendarBusy(hosts, busyWindow)
          : Promise.resolve({
              busy: {} as Record<string, Array<{ start: string; end: string }>>,
              meta: { source: 'none' as const } as BusyMeta,
            }),
        this.slotHosts(type, hosts, window, now),
      ]);
      for (const host of slotHosts) {
        const record = hosts.find((candidate) => candidate.slug === host.id)!;
        for (const interval of (record.calendarId && calendar.busy[record.calendarId]) || [])
          host.busy.push({ start: Date.parse(interval.start), end: Date.parse(interval.end) });
      }
      return { days: freeSlots(slotHosts, rulesOf(type), { from, to, timeZone, now }), busy: calendar.meta };
    },
  };
};
