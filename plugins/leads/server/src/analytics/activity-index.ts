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

export class ActivityIndex {
  readonly size: number;
  private readonly day: Int32Array;
  private readonly language: Int32Array;
  private readonly type: Int32Array;
  private readonly utm: Record<UtmDimension, Int32Array>;
  /** runs of one contact: rows [runStart[i], runStart[i + 1]); runContact[i] is -1 for activities without one */
  private readonly runStart: Int32Array;
  private readonly runContact: Int32Array;
  private readonly confirmedContact: Uint8Array;
  private readonly contactByDocument = new Map<string, number>();
  private readonly languages = new Dictionary();
  private readonly types = new Dictionary();
  private readonly utmValues: Record<UtmDimension, Dictionary> = {
    source: new Dictionary(),
    medium: new Dictionary(),
    campaign: new Dictionary(),
  };

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
    const confirmed: number[] = [];
    let previous: number | null | undefined;
    rows.forEach((row, i) => {
      if (i === 0 || row.contact !== previous) {
        runStarts.push(i);
        if (row.contact === null) runContacts.push(-1);
        else {
          const contact = confirmed.length;
          confirmed.push(row.confirmed ? 1 : 0);
          runContacts.push(contact);
          if (row.documentId !== null) this.contactByDocument.set(row.documentId, contact);
        }
        previous = row.contact;
      }
      this.day[i] = row.day;
      this.language[i] = this.languages.id(row.language);
      this.type[i] = this.types.id(row.type);
      for (const dimension of UTM_DIMENSIONS) this.utm[dimension][i] = this.utmValues[dimension].id(row[dimension]);
    });
    runStarts.push(rows.length);
    this.runStart = Int32Array.from(runStarts);
    this.runContact = Int32Array.from(runContacts);
    this.confirmedContact = Uint8Array.from(confirmed);
  }

  /** Distinct contacts (index positions) with an activity in the range and locale, as a mark per contact. */
  private select(query: IndexQuery, visit?: (row: number, contact: number) => void): Uint8Array {
    const active = new Uint8Array(this.confirmedContact.length);
    const locale = query.locale === 'all' ? -1 : (this.languages.find(query.locale) ?? -2);
    for (let run = 0; run + 1 < this.runStart.length; run++) {
      const contact = this.runContact[run];
      for (let row = this.runStart[run]; row < this.runStart[run + 1]; row++) {
        const day = this.day[row];
        if (day < query.startDay || day >= query.endDay) continue;
        if (locale !== -1 && this.language[row] !== locale) continue;
        visit?.(row, contact);
        if (contact >= 0) active[contact] = 1;
      }
    }
    return active;
  }

  /** Every figure of the leads core for one filter. */
  answer(query: IndexQuery): IndexAnswer {
    const first = query.interval === 'week' ? weekStartDay(query.startDay) : query.startDay;
    const step = query.interval === 'week' ? 7 : 1;
    const buckets = Math.ceil((query.endDay - first) / step);
    const typeCount = this.types.values.length;
    const timeline = new Int32Array(Math.max(buckets, 0) * typeCount);
    const utmActivities = {} as Record<UtmDimension, Int32Array>;
    const utmContacts = {} as Record<UtmDimension, Int32Array>;
    const utmConfirmed = {} as Record<UtmDimension, Int32Array>;
    /** the UTM value seen last for a (dimension, value), by contact: counts each contact once per value */
    const lastContact = {} as Record<UtmDimension, Int32Array>;
    for (const dimension of UTM_DIMENSIONS) {
      const values = this.utmValues[dimension].values.length;
      utmActivities[dimension] = new Int32Array(values);
      utmContacts[dimension] = new Int32Array(values);
      utmConfirmed[dimension] = new Int32Array(values);
      lastContact[dimension] = new Int32Array(values).fill(-1);
    }

    const active = this.select(query, (row, contact) => {
      const bucket = Math.floor((this.day[row] - first) / step);
      timeline[bucket * typeCount + this.type[row]] += 1;
      if (contact < 0) return;
      const confirmed = this.confirmedContact[contact] === 1;
      for (const dimension of UTM_DIMENSIONS) {
        const value = this.utm[dimension][row];
        utmActivities[dimension][value] += 1;
        // rows of one contact are adjacent: a value counts the contact once
        if (lastContact[dimension][value] !== contact) {
          lastContact[dimension][value] = contact;
          utmContacts[dimension][value] += 1;
          if (confirmed) utmConfirmed[dimension][value] += 1;
        }
      }
    });

    let submitted = 0;
    let confirmed = 0;
    for (let contact = 0; contact < active.length; contact++) {
      if (active[contact] !== 1) continue;
      submitted += 1;
      confirmed += this.confirmedContact[contact];
    }
    const counts: TimelineCount[] = [];
    for (let bucket = 0; bucket < buckets; bucket++) {
      let label: string | undefined;
      for (let type = 0; type < typeCount; type++) {
        const count = timeline[bucket * typeCount + type];
        if (count === 0) continue;
        label ??= isoDay(first + bucket * step);
        counts.push({ bucket: label, type: this.types.values[type] as string, count });
      }
    }
    const utm = {} as Record<UtmDimension, UtmCount[]>;
    for (const dimension of UTM_DIMENSIONS) {
      utm[dimension] = this.utmValues[dimension].values
        .map((value, id) => ({
          value,
          activities: utmActivities[dimension][id],
          contacts: utmContacts[dimension][id],
          confirmed: utmConfirmed[dimension][id],
        }))
        .filter((row) => row.activities > 0);
    }
    return { timeline: counts, submitted, confirmed, utm };
  }

  /** The contacts with an activity in the range and locale, by document id (for another plugin's counts). */
  activeContacts(query: IndexQuery): { size: number; has(contactDocumentId: string): boolean } {
    const active = this.select(query);
    const size = active.reduce((sum, mark) => sum + mark, 0);
    return {
      size,
      has: (documentId: string) => {
        const contact = this.contactByDocument.get(documentId);
        return contact !== undefined && active[contact] === 1;
      },
    };
  }
}

/** Whole UTC days since 1970-01-01 of a midnight-UTC instant (the filter's start and end). */
export const dayNumber = (instant: Date) => Math.floor(instant.getTime() / DAY_MS);
