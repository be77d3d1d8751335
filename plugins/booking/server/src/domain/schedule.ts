/**
 * A host's schedule as editors enter it: weekly hours in the host's own time zone and date
 * overrides (other hours on one date, or none = day off). Shapes and their validation.
 */
import { DateTime, IANAZone } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock times "HH:mm"; end may be "24:00" (midnight at the end of the day). */
export interface TimeRange {
  start: string;
  end: string;
}

export type WeeklyHours = Partial<Record<Weekday, TimeRange[]>>;

/** One date in the host's zone: these hours instead of the weekly ones; [] = day off. */
export interface DateOverride {
  date: string;
  intervals: TimeRange[];
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

// Zone names found valid: luxon's check builds an Intl.DateTimeFormat each time, 0.18 ms of every
// slot request (docs/adr/0025, addendum "slot listing"). Capped, as Intl accepts any casing of a name.
const validZones = new Set<string>();
const VALID_ZONES_MAX = 1000;

export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length > 64) return false;
  if (validZones.has(zone)) return true;
  const valid = IANAZone.isValidZone(zone) && !/^(utc|gmt)?[+-]/i.test(zone);
  if (valid && validZones.size < VALID_ZONES_MAX) validZones.add(zone);
  return valid;
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** Problems with a list of ranges of one day: bad format, end before start, overlaps. */
function rangeProblems(ranges: unknown, where: string): string[] {
  if (!Array.isArray(ranges)) return [`${where} must be a list of { start, end }`];
  if (ranges.length > 12) return [`${where} has more than 12 intervals`];
  const problems: string[] = [];
  const valid: Array<[number, number]> = [];
  ranges.forEach((item: unknown, index) => {
    const range = item as { start?: unknown; end?: unknown } | null | undefined;
    if (
      !range ||
      typeof range.start !== 'string' ||
      typeof range.end !== 'string' ||
      !TIME.test(range.start) ||
      !TIME.test(range.end) ||
      range.start === '24:00'
    ) {
      problems.push(`${where}[${index}] needs start and end as HH:mm`);
      return;
    }
    if (minutesOf(range.end) <= minutesOf(range.start)) {
      problems.push(`${where}[${index}] ends before it starts`);
      return;
    }
    valid.push([minutesOf(range.start), minutesOf(range.end)]);
  });
  valid.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < valid.length; i++)
    if (valid[i][0] < valid[i - 1][1]) problems.push(`${where} has overlapping intervals`);
  return problems;
}

export function weeklyHoursProblems(weekly: unknown): string[] {
  if (weekly === null || typeof weekly !== 'object' || Array.isArray(weekly))
    return ['weeklyHours must be an object with keys mon..sun'];
  const problems: string[] = [];
  for (const key of Object.keys(weekly)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) problems.push(`weeklyHours.${key} is not a weekday (mon..sun)`);
    else problems.push(...rangeProblems((weekly as Record<string, unknown>)[key], `weeklyHours.${key}`));
  }
  return problems;
}

export function overridesProblems(overrides: unknown): string[] {
  if (!Array.isArray(overrides)) return ['dateOverrides must be a list'];
  if (overrides.length > 400) return ['dateOverrides has more than 400 dates'];
  const problems: string[] = [];
  const seen = new Set<string>();
  overrides.forEach((item: unknown, index) => {
    const override = item as { date?: unknown; intervals?: unknown } | null | undefined;
    if (!override || !isDate(override.date)) problems.push(`dateOverrides[${index}].date must be YYYY-MM-DD`);
    else if (seen.has(override.date)) problems.push(`dateOverrides has ${override.date} twice`);
    else seen.add(override.date);
    problems.push(...rangeProblems(override?.intervals, `dateOverrides[${index}].intervals`));
  });
  return problems;
}
