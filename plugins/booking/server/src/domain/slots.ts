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
import { hoursOn, minutesOf, type DateOverride, type TimeRange, type WeeklyHours } from './schedule';

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

const localInstant = (day: DateTime, time: string) => {
  const minutes = minutesOf(time);
  // "24:00" is the next midnight; a time inside a DST gap moves forward (luxon's rule)
  return day.startOf('day').plus({ days: Math.floor(minutes / 1440) }).set({ hour: Math.floor((minutes % 1440) / 60), minute: minutes % 60 }).toMillis();
};

/** One host's free starts in [windowStart, windowEnd). */
export function freeStartsOfHost(host: SlotHost, rules: SlotRules, windowStart: number, windowEnd: number, now: number): number[] {
  const zone = host.timeZone;
  const duration = rules.durationMinutes * MINUTE;
  const step = Math.max(5, rules.slotStepMinutes || rules.durationMinutes) * MINUTE;
  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = rules.bufferAfterMinutes * MINUTE;
  const earliest = now + rules.minimumNoticeMinutes * MINUTE;
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const lastDay = today.plus({ days: rules.maxDaysAhead });
  const busy = mergeIntervals(host.busy);
  const overrides = new Map<string, TimeRange[]>(host.dateOverrides.map((override) => [override.date, override.intervals]));

  const bookedPerDay = new Map<string, number>();
  for (const start of host.bookedStarts) {
    const date = DateTime.fromMillis(start, { zone }).toISODate()!;
    bookedPerDay.set(date, (bookedPerDay.get(date) ?? 0) + 1);
  }

  const starts: number[] = [];
  // a day of the host can reach into the window from either side of the visitor's day
  let day = DateTime.fromMillis(windowStart, { zone }).startOf('day').minus({ days: 1 });
  const stopDay = DateTime.fromMillis(windowEnd, { zone }).startOf('day').plus({ days: 1 });
  for (; day <= stopDay; day = day.plus({ days: 1 })) {
    if (day > lastDay) break;
    const date = day.toISODate()!;
    if (rules.dailyLimitPerHost > 0 && (bookedPerDay.get(date) ?? 0) >= rules.dailyLimitPerHost) continue;
    const ranges = [...hoursOn(day, host.weeklyHours, overrides)].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (const range of ranges) {
      const rangeStart = localInstant(day, range.start);
      const rangeEnd = localInstant(day, range.end);
      for (let start = rangeStart; start + duration <= rangeEnd; start += step) {
        if (start < windowStart || start >= windowEnd || start < earliest) continue;
        if (overlapsAny(busy, start - before, start + duration + after)) continue;
        starts.push(start);
      }
    }
  }
  return starts;
}

/** The visitor's days from..to (inclusive) as a UTC window. */
export function visitorWindow(query: Pick<SlotQuery, 'from' | 'to' | 'timeZone'>): Interval {
  const from = DateTime.fromISO(query.from, { zone: query.timeZone }).startOf('day');
  const to = DateTime.fromISO(query.to, { zone: query.timeZone }).startOf('day').plus({ days: 1 });
  return { start: from.toMillis(), end: to.toMillis() };
}

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

  const days: DaySlots[] = [];
  const index = new Map<string, DaySlots>();
  for (let day = DateTime.fromMillis(window.start, { zone: query.timeZone }); day.toMillis() < window.end; day = day.plus({ days: 1 })) {
    const entry = { date: day.toISODate()!, slots: [] as Slot[] };
    days.push(entry);
    index.set(entry.date, entry);
  }
  for (const start of [...byStart.keys()].sort((a, b) => a - b)) {
    const local = DateTime.fromMillis(start, { zone: query.timeZone });
    const free = byStart.get(start)!.sort((a, b) => a.load - b.load || a.id.localeCompare(b.id));
    index.get(local.toISODate()!)?.slots.push({
      start: new Date(start).toISOString(),
      end: new Date(start + duration).toISOString(),
      time: local.toFormat('HH:mm'),
      hosts: free.map((host) => host.id),
    });
  }
  return days;
}

/** Is `start` one of the host's free starts right now? The re-check inside the booking transaction. */
export function isFreeStart(host: SlotHost, rules: SlotRules, start: number, now: number): boolean {
  return freeStartsOfHost(host, rules, start - 1, start + 1, now).includes(start);
}
