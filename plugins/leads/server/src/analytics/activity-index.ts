/**
 * The lead analytics figures of any range from one compact, in-memory copy of the counting columns
 * (docs/adr/0011-lead-analytics.md, "Ten different filters at once"). Built from one query over the
 * activities (one row each: day, contact, language, type, UTM) and the contacts' confirmation; every
 * range, locale and interval is then answered by one pass over typed arrays, grouped by contact, so
 * distinct contacts (funnel, UTM) are exact without a sort or a hash per request. Pure: no Strapi.
 */
import type { TimelineCount } from '@magnetiq/plugin-kit/server';

export const UTM_DIMENSIONS = ['source', 'medium', 'campaign'] as const;
export type UtmDimension = (typeof UTM_DIMENSIONS)[number];

/** One activity as the index is built from it; rows of one contact must be adjacent (order by contact). */
export interface IndexRow {
  /** whole UTC days since 1970-01-01 of occurred_at */
  day: number;
  /** the contact's row id; null for an activity without a contact (counted in the timeline only) */
  contact: number | null;
  documentId: string | null;
  confirmed: boolean;
  language: string | null;
  type: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
}

export interface IndexQuery {
  /** [startDay, endDay) in whole UTC days since 1970-01-01 */
  startDay: number;
  endDay: number;
  locale: string;
  interval: 'day' | 'week';
}

export interface UtmCount {
  value: string | null;
  activities: number;
  contacts: number;
  confirmed: number;
}

export interface IndexAnswer {
  timeline: TimelineCount[];
  submitted: number;
  confirmed: number;
  utm: Record<UtmDimension, UtmCount[]>;
}

const DAY_MS = 86_400_000;
/** Monday-based weekday of a day number (1970-01-01 was a Thursday) */
const weekStartDay = (day: number) => day - ((day + 3) % 7);
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Strings to small integers (null is 0), so the rows are typed arrays. */
class Dictionary {
  readonly values: Array<string | null> = [null];
  private readonly ids = new Map<string | null, number>([[null, 0]]);
  id(value: string | null): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

/** Counts one row into one UTM dimension: its activities, and its contact once per value. */
function tally(
  value: number,
  contact: number,
  confirmed: boolean,
  counts: { activities: Int32Array; contacts: Int32Array; confirmed: Int32Array; last: Int32Array },
) {
  counts.activities[value] += 1;
  // rows of one contact are adjacent: a value counts the contact once
  if (counts.last[value] === contact) return;
  counts.last[value] = contact;
  counts.contacts[value] += 1;
  if (confirmed) counts.confirmed[value] += 1;
}

/** The marks of the last queries' active contacts, so the funnel of another plugin reuses the pass. */
const ACTIVE_MEMO = 32;

export class ActivityIndex {
  readonly size: number;
  private readonly day: Int32Array;
  private readonly language: Int32Array;
  private readonly type: Int32Array;
  private readonly utm: Record<UtmDimension, Int32Array>;
  /** runs of one contact: rows [runStart[i], runStart[i + 1]); runContact[i] is -1 for activities without one */
  private readonly runStart: Int32Array;
  private readonly runContact: Int32Array;
  /** first and last day of a run, so a run outside the range is skipped whole */
  private readonly runFirstDay: Int32Array;
  private readonly runLastDay: Int32Array;
  private readonly confirmedContact: Uint8Array;
  private readonly contactByDocument = new Map<string, number>();
  private readonly languages = new Dictionary();
  private readonly types = new Dictionary();
  private readonly utmValues: Record<UtmDimension, Dictionary> = {
    source: new Dictionary(),
    medium: new Dictionary(),
    campaign: new Dictionary(),
  };
  private readonly activeMemo = new Map<string, Uint8Array>();
  /** another plugin's groups of contact document ids as positions here, resolved once per index */
  private readonly groupPositions = new WeakMap<readonly string[], Int32Array>();

  constructor(rows: IndexRow[]) {
    this.size = rows.length;
    this.day = new Int32Array(rows.length);
    this.language = new Int32Array(rows.length);
    this.type = new Int32Array(rows.length);
    this.utm = {
      source: new Int32Array(rows.length),
      medium: new Int32Array(rows.length),
      campaign: new Int32Array(rows.length),
    };
    const runStarts: number[] = [];
    const runContacts: number[] = [];
    const firstDays: number[] = [];
    const lastDays: number[] = [];
    const confirmed: number[] = [];
    let previous: number | null | undefined;
    rows.forEach((row, i) => {
      if (i === 0 || row.contact !== previous) {
        runStarts.push(i);
        firstDays.push(row.day);
        lastDays.push(row.day);
        if (row.contact === null) runContacts.push(-1);
        else {
          const contact = confirmed.length;
          confirmed.push(row.confirmed ? 1 : 0);
          runContacts.push(contact);
          if (row.documentId !== null) this.contactByDocument.set(row.documentId, contact);
        }
        previous = row.contact;
      }
      const run = runStarts.length - 1;
      firstDays[run] = Math.min(firstDays[run], row.day);
      lastDays[run] = Math.max(lastDays[run], row.day);
      this.day[i] = row.day;
      this.language[i] = this.languages.id(row.language);
      this.type[i] = this.types.id(row.type);
      for (const dimension of UTM_DIMENSIONS) this.utm[dimension][i] = this.utmValues[dimension].id(row[dimension]);
    });
    runStarts.push(rows.length);
    this.runStart = Int32Array.from(runStarts);
    this.runContact = Int32Array.from(runContacts);
    this.runFirstDay = Int32Array.from(firstDays);
    this.runLastDay = Int32Array.from(lastDays);
    this.confirmedContact = Uint8Array.from(confirmed);
  }

  private localeId(query: IndexQuery): number {
    return query.locale === 'all' ? -1 : (this.languages.find(query.locale) ?? -2);
  }

  private remember(query: IndexQuery, active: Uint8Array) {
    if (this.activeMemo.size >= ACTIVE_MEMO) this.activeMemo.delete(this.activeMemo.keys().next().value as string);
    this.activeMemo.set(`${query.startDay}|${query.endDay}|${query.locale}`, active);
  }

  /** Which contacts (by position) have an activity in the range and locale: a mark per contact. */
  private active(query: IndexQuery): Uint8Array {
    const memo = this.activeMemo.get(`${query.startDay}|${query.endDay}|${query.locale}`);
    if (memo) return memo;
    const active = new Uint8Array(this.confirmedContact.length);
    const locale = this.localeId(query);
    for (let run = 0; run < this.runContact.length; run++) {
      const contact = this.runContact[run];
      if (contact < 0 || this.runLastDay[run] < query.startDay || this.runFirstDay[run] >= query.endDay) continue;
      for (let row = this.runStart[run]; row < this.runStart[run + 1]; row++) {
        const day = this.day[row];
        if (day < query.startDay || day >= query.endDay || (locale !== -1 && this.language[row] !== locale)) continue;
        active[contact] = 1;
        break;
      }
    }
    this.remember(query, active);
    return active;
  }

  /** Every figure of the leads core for one filter: one pass over the runs that touch the range. */
  answer(query: IndexQuery): IndexAnswer {
    const first = query.interval === 'week' ? weekStartDay(query.startDay) : query.startDay;
    const step = query.interval === 'week' ? 7 : 1;
    const buckets = Math.max(Math.ceil((query.endDay - first) / step), 0);
    const typeCount = this.types.values.length;
    const timeline = new Int32Array(buckets * typeCount);
    const counts = {} as Record<
      UtmDimension,
      { activities: Int32Array; contacts: Int32Array; confirmed: Int32Array; last: Int32Array }
    >;
    for (const dimension of UTM_DIMENSIONS) {
      const values = this.utmValues[dimension].values.length;
      counts[dimension] = {
        activities: new Int32Array(values),
        contacts: new Int32Array(values),
        confirmed: new Int32Array(values),
        last: new Int32Array(values).fill(-1),
      };
    }
    const active = new Uint8Array(this.confirmedContact.length);
    const locale = this.localeId(query);
    const { startDay, endDay } = query;
    const { day: days, language, type, runStart } = this;
    const { source, medium, campaign } = this.utm;
    for (let run = 0; run < this.runContact.length; run++) {
      if (this.runLastDay[run] < startDay || this.runFirstDay[run] >= endDay) continue;
      const contact = this.runContact[run];
      const confirmed = contact >= 0 && this.confirmedContact[contact] === 1;
      for (let row = runStart[run]; row < runStart[run + 1]; row++) {
        const day = days[row];
        if (day < startDay || day >= endDay || (locale !== -1 && language[row] !== locale)) continue;
        timeline[Math.floor((day - first) / step) * typeCount + type[row]] += 1;
        if (contact < 0) continue;
        active[contact] = 1;
        tally(source[row], contact, confirmed, counts.source);
        tally(medium[row], contact, confirmed, counts.medium);
        tally(campaign[row], contact, confirmed, counts.campaign);
      }
    }
    this.remember(query, active);

    let submitted = 0;
    let confirmed = 0;
    for (let contact = 0; contact < active.length; contact++) {
      if (active[contact] !== 1) continue;
      submitted += 1;
      confirmed += this.confirmedContact[contact];
    }
    const timelineCounts: TimelineCount[] = [];
    for (let bucket = 0; bucket < buckets; bucket++) {
      let label: string | undefined;
      for (let typeId = 0; typeId < typeCount; typeId++) {
        const count = timeline[bucket * typeCount + typeId];
        if (count === 0) continue;
        label ??= isoDay(first + bucket * step);
        timelineCounts.push({ bucket: label, type: this.types.values[typeId] as string, count });
      }
    }
    const utm = {} as Record<UtmDimension, UtmCount[]>;
    for (const dimension of UTM_DIMENSIONS) {
      const { activities, contacts, confirmed: confirmedByValue } = counts[dimension];
      utm[dimension] = this.utmValues[dimension].values
        .map((value, id) => ({
          value,
          activities: activities[id],
          contacts: contacts[id],
          confirmed: confirmedByValue[id],
        }))
        .filter((row) => row.activities > 0);
    }
    return { timeline: timelineCounts, submitted, confirmed, utm };
  }

  /**
   * How many contacts of each group (contact document ids, e.g. another plugin's linked contacts)
   * had an activity in the range and locale. Pass the same arrays again to reuse their resolution.
   */
  countActive(query: IndexQuery, groups: Record<string, readonly string[]>): Record<string, number> {
    const active = this.active(query);
    const result: Record<string, number> = {};
    for (const [name, documentIds] of Object.entries(groups)) {
      let positions = this.groupPositions.get(documentIds);
      if (!positions) {
        positions = Int32Array.from(documentIds, (documentId) => this.contactByDocument.get(documentId) ?? -1);
        this.groupPositions.set(documentIds, positions);
      }
      let count = 0;
      for (let i = 0; i < positions.length; i++) if (positions[i] >= 0 && active[positions[i]] === 1) count += 1;
      result[name] = count;
    }
    return result;
  }
}

/** Whole UTC days since 1970-01-01 of a midnight-UTC instant (the filter's start and end). */
export const dayNumber = (instant: Date) => Math.floor(instant.getTime() / DAY_MS);
