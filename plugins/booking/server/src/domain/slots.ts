/**
 * Free start times of a meeting type, as a pure function of data (after Cal.com's getSlots):
 * each host's weekly hours and date overrides in the host's time zone, minus minimum notice,
 * the booking horizon, the daily limit, existing bookings and calendar busy times (with the
 * meeting type's buffers around the candidate), grouped by day in the visitor's time zone.
 *
 * All instants are epoch milliseconds; all wall-clock arithmetic goes through luxon in the
 * zone it belongs to, so a DST change on either side (host or visitor) shifts nothing.
 */
import { DateTime } from 'luxon';
import { minutesOf, type DateOverride, type TimeRange, type WeeklyHours } from './schedule';

export interface Interval {
  start: number;
  end: number;
}

export interface SlotHost {
  /** the host's public key (its slug) */
  id: string;
  timeZone: string;
  weeklyHours: WeeklyHours;
  dateOverrides: DateOverride[];
  /** times the host cannot take a meeting: existing bookings with their own buffers, calendar busy times */
  busy: Interval[];
  /** starts of the host's active bookings of this meeting type (for the daily limit) */
  bookedStarts: number[];
  /** active bookings in the coming weeks, for round-robin (least booked first) */
  load: number;
}

export interface SlotRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** earliest start after now */
  minimumNoticeMinutes: number;
  /** latest start: the end of the host's local day that many days after today */
  maxDaysAhead: number;
  /** distance between offered starts, counted from the start of each interval */
  slotStepMinutes: number;
  /** bookings of this type per host and host-local day; 0 = no limit */
  dailyLimitPerHost: number;
}

export interface SlotQuery {
  /** first and last day (inclusive), YYYY-MM-DD in the visitor's zone */
  from: string;
  to: string;
  timeZone: string;
  now: number;
}

export interface Slot {
  /** ISO 8601 UTC */
  start: string;
  end: string;
  /** wall-clock start in the visitor's zone, HH:mm */
  time: string;
  /** hosts free at this start, least booked first */
  hosts: string[];
}

export interface DaySlots {
  date: string;
  slots: Slot[];
}

const MINUTE = 60_000;

/** Sorted, merged copy, so one binary search answers "does [a, b) touch anything busy?". */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

function overlapsAny(merged: Interval[], start: number, end: number): boolean {
  let low = 0;
  let high = merged.length;
  // first interval that ends after `start`
  while (low < high) {
    const middle = (low + high) >> 1;
    if (merged[middle].end <= start) low = middle + 1;
    else high = middle;
  }
  return low < merged.length && merged[low].start < end;
}

/*
 * Zone arithmetic is the hot path of the slot listing (every day of every host, every offered
 * start). A local day has one UTC offset on all but the two DST days of a year, so each
 * (zone, date) is resolved once through luxon and cached: its UTC start and end and, when the
 * offset does not change that day, the offset. Plain arithmetic then does the rest; DST days go
 * through luxon for every instant.
 */
interface LocalDay {
  date: string;
  /** weekday 1 (Monday) .. 7 (Sunday) */
  weekday: number;
  start: number;
  end: number;
  /** ms to add to UTC for wall-clock time, or null on a day whose offset changes */
  offsetMs: number | null;
}

const dayCache = new Map<string, LocalDay>();
const DAY_CACHE_LIMIT = 50_000;

export function localDay(zone: string, date: string): LocalDay {
  const key = `${zone}|${date}`;
  const known = dayCache.get(key);
  if (known) return known;
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  const next = start.plus({ days: 1 });
  const info: LocalDay = {
    date,
    weekday: start.weekday,
    start: start.toMillis(),
    end: next.toMillis(),
    offsetMs: start.offset === next.offset ? start.offset * MINUTE : null,
  };
  if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
  dayCache.set(key, info);
  return info;
}

const addDaysCache = new Map<string, string>();

/** YYYY-MM-DD + n days (calendar arithmetic, no zone); remembered: the slot walk asks for the same days on every request. */
export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  const known = addDaysCache.get(key);
  if (known !== undefined) return known;
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  const result = value.toISOString().slice(0, 10);
  if (addDaysCache.size >= DAY_CACHE_LIMIT) addDaysCache.clear();
  addDaysCache.set(key, result);
  return result;
}

/** One formatter per zone: 'en-CA' formats a date as YYYY-MM-DD (luxon per call cost ~16 µs, ADR 0025). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateIn = (instant: number, zone: string) => {
  let format = dateFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(zone, format);
  }
  return format.format(instant);
};

/** The UTC instant of a wall-clock time ("HH:mm", "24:00" = the next midnight) on a local day. */
function localInstant(day: LocalDay, zone: string, time: string): number {
  const minutes = minutesOf(time);
  if (minutes >= 1440) return day.end;
  if (day.offsetMs !== null) return day.start + minutes * MINUTE;
  // a DST day: luxon resolves the wall clock (a time inside a spring gap moves forward)
  return DateTime.fromISO(day.date, { zone })
    .set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
    .toMillis();
}

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** How many of the sorted instants fall into [from, to). */
function countIn(sorted: number[], from: number, to: number): number {
  const firstAtOrAfter = (value: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle] < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return firstAtOrAfter(to) - firstAtOrAfter(from);
}

/** One host's free starts in [windowStart, windowEnd). */
export function freeStartsOfHost(
  host: SlotHost,
  rules: SlotRules,
  windowStart: number,
  windowEnd: number,
  now: number,
): number[] {
  const zone = host.timeZone;
  const duration = rules.durationMinutes * MINUTE;
  const step = Math.max(5, rules.slotStepMinutes || rules.durationMinutes) * MINUTE;
  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = rules.bufferAfterMinutes * MINUTE;
  const earliest = now + rules.minimumNoticeMinutes * MINUTE;
  const lastDate = addDays(dateIn(now, zone), rules.maxDaysAhead);
  const busy = mergeIntervals(host.busy);
  const overrides = new Map<string, TimeRange[]>(
    host.dateOverrides.map((override) => [override.date, override.intervals]),
  );
  const booked = rules.dailyLimitPerHost > 0 ? [...host.bookedStarts].sort((a, b) => a - b) : [];

  const starts: number[] = [];
  // a day of the host can reach into the window from either side of the visitor's day
  const stopDate = addDays(dateIn(windowEnd, zone), 1);
  for (
    let date = addDays(dateIn(windowStart, zone), -1);
    date <= stopDate && date <= lastDate;
    date = addDays(date, 1)
  ) {
    const day = localDay(zone, date);
    if (rules.dailyLimitPerHost > 0 && countIn(booked, day.start, day.end) >= rules.dailyLimitPerHost) continue;
    const ranges = overrides.get(date) ?? host.weeklyHours[WEEKDAY_KEYS[day.weekday - 1]] ?? [];
    for (const range of ranges) {
      const rangeStart = localInstant(day, zone, range.start);
      const rangeEnd = localInstant(day, zone, range.end);
      for (let start = rangeStart; start + duration <= rangeEnd; start += step) {
        if (start < windowStart || start >= windowEnd || start < earliest) continue;
        if (overlapsAny(busy, start - before, start + duration + after)) continue;
        starts.push(start);
      }
    }
  }
  return starts.sort((a, b) => a - b);
}

/** The visitor's days from..to (inclusive) as a UTC window. */
export function visitorWindow(query: Pick<SlotQuery, 'from' | 'to' | 'timeZone'>): Interval {
  return { start: localDay(query.timeZone, query.from).start, end: localDay(query.timeZone, query.to).end };
}

const pad = (value: number) => (value < 10 ? `0${value}` : String(value));

export function freeSlots(hosts: SlotHost[], rules: SlotRules, query: SlotQuery): DaySlots[] {
  const window = visitorWindow(query);
  const duration = rules.durationMinutes * MINUTE;
  const byStart = new Map<number, SlotHost[]>();
  for (const host of hosts) {
    for (const start of freeStartsOfHost(host, rules, window.start, window.end, query.now)) {
      const list = byStart.get(start);
      if (list) list.push(host);
      else byStart.set(start, [host]);
    }
  }

  const days: Array<DaySlots & { info: LocalDay }> = [];
  for (let date = query.from; date <= query.to; date = addDays(date, 1))
    days.push({ date, slots: [], info: localDay(query.timeZone, date) });
  let index = 0;
  for (const start of [...byStart.keys()].sort((a, b) => a - b)) {
    while (index < days.length && days[index].info.end <= start) index++;
    if (index >= days.length) break;
    const day = days[index];
    if (start < day.info.start) continue;
    let time: string;
    if (day.info.offsetMs !== null) {
      const wall = new Date(start + day.info.offsetMs);
      time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
    } else time = DateTime.fromMillis(start, { zone: query.timeZone }).toFormat('HH:mm');
    const free = byStart.get(start)!.sort((a, b) => a.load - b.load || a.id.localeCompare(b.id));
    day.slots.push({
      start: new Date(start).toISOString(),
      end: new Date(start + duration).toISOString(),
      time,
      hosts: free.map((host) => host.id),
    });
  }
  return days.map(({ date, slots }) => ({ date, slots }));
}

/** Is `start` one of the host's free starts right now? The re-check inside the booking transaction. */
export function isFreeStart(host: SlotHost, rules: SlotRules, start: number, now: number): boolean {
  return freeStartsOfHost(host, rules, start - 1, start + 1, now).includes(start);
}
