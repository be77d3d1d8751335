import type { Knex } from 'knex';

/**
 * What a plugin's `analytics` service answers from `sections(filter)` for the lead analytics
 * dashboard (plugins/analytics, docs/adr/0011-lead-analytics.md).
 */
export interface AnalyticsFilter {
  /** the range as the dashboard shows it, YYYY-MM-DD */
  from: string;
  to: string;
  /** `all` or a locale code configured in i18n */
  locale: string;
  /** the range as instants, [start, end) */
  start: Date;
  end: Date;
  /** the dashboard's bucket size for time series (`day` when absent) */
  interval?: 'day' | 'week';
  /**
   * How old the data behind the answer may be, in seconds (the dashboard's answer cache time; absent
   * or 0 = read now). A plugin that counts from a snapshot (`Snapshot`) rebuilds it when it is older.
   */
  maxAgeSeconds?: number;
}

/**
 * A value loaded from the database and reused while it is younger than the caller allows (by the
 * time its load started), with single flight: callers during a load share it; a failed load is not
 * kept. When the value is older than allowed but not twice as old, it still answers while a new
 * load runs (so no caller waits for a rebuild); with `maxAgeSeconds` 0 every caller gets a load
 * started after it asked. For figures counted in memory from a compact copy of a plugin's rows.
 */
export class Snapshot<T> {
  private latest: { startedAt: number; value: T } | undefined;
  private pending: { startedAt: number; value: Promise<T> } | undefined;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly now: () => number = Date.now,
  ) {}

  get(maxAgeSeconds = 0): Promise<T> {
    const time = this.now();
    const maxAge = maxAgeSeconds * 1000;
    // a load started this millisecond is as fresh as one started now (its query is sent after this call)
    if (this.latest && time - this.latest.startedAt <= maxAge) return Promise.resolve(this.latest.value);
    const pending = this.pending && time - this.pending.startedAt <= maxAge ? this.pending : this.start(time);
    // older than allowed, not twice as old: it answers while the new load runs
    if (maxAge > 0 && this.latest && time - this.latest.startedAt <= 2 * maxAge)
      return Promise.resolve(this.latest.value);
    return pending.value;
  }

  private start(time: number) {
    const entry = { startedAt: time, value: this.load() };
    this.pending = entry;
    entry.value.then(
      (value) => {
        if (!this.latest || this.latest.startedAt < entry.startedAt)
          this.latest = { startedAt: entry.startedAt, value };
        if (this.pending === entry) this.pending = undefined;
      },
      () => {
        if (this.pending === entry) this.pending = undefined;
      },
    );
    return entry;
  }
}

export interface AnalyticsColumn {
  key: string;
  label: string;
  /** 'count' and 'percent' are right-aligned numbers; 'text' is a label (a title, a UTM value) */
  kind?: 'text' | 'count' | 'percent';
}

export interface AnalyticsTable {
  /** stable id, [a-z0-9-]+ (for plugin sections the dashboard prefixes `<plugin>.`) */
  name: string;
  title: string;
  description?: string;
  columns: AnalyticsColumn[];
  rows: Array<Record<string, string | number | null>>;
}

/**
 * A funnel section: one row per stage with its distinct contacts, in order. The dashboard draws
 * the stages of the leads core's and odoo-sync's `funnel` sections as one funnel.
 */
export function stagesTable(
  head: Pick<AnalyticsTable, 'name' | 'title' | 'description'>,
  stages: Record<string, number>,
): AnalyticsTable {
  return {
    ...head,
    columns: [
      { key: 'stage', label: 'Stage', kind: 'text' },
      { key: 'contacts', label: 'Contacts', kind: 'count' },
    ],
    rows: Object.entries(stages).map(([stage, contacts]) => ({ stage, contacts })),
  };
}

/** part / whole as a fraction with 4 decimals; 0 when the whole is 0. */
export const rate = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;

/** A count column of a PostgreSQL answer (bigint arrives as a string) as a number. */
export const count = (value: unknown): number => Number(value ?? 0);

/** Narrows a query to the filter's range on `column` ([start, end)) and, unless all, to its locale on `localeColumn`. */
export function inRange<Q extends Knex.QueryBuilder>(
  query: Q,
  filter: AnalyticsFilter,
  column: string,
  localeColumn: string,
): Q {
  query.where(column, '>=', filter.start).andWhere(column, '<', filter.end);
  if (filter.locale !== 'all') query.andWhere(localeColumn, filter.locale);
  return query;
}

const COLUMN_KINDS = new Set(['text', 'count', 'percent']);

/**
 * A section's columns, one line each: `key kind Label words` (kind: text, count or percent), in
 * the order the dashboard shows them. A malformed line throws when the module loads.
 */
export function analyticsColumns(strings: TemplateStringsArray, ...labels: string[]): AnalyticsColumn[] {
  const text = strings.reduce((all, part, index) => all + part + (labels[index] ?? ''), '');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [key, kind, ...label] = line.split(/\s+/);
      if (!COLUMN_KINDS.has(kind) || !label.length)
        throw new Error(`analytics column "${line}": write key, kind (text, count or percent) and label`);
      return { key, kind: kind as AnalyticsColumn['kind'], label: label.join(' ') };
    });
}

/** The count columns of a PostgreSQL answer row (bigint arrives as a string) as numbers. */
export function counts<Row extends object, K extends keyof Row & string>(
  row: Row,
  keys: readonly K[],
): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, count(row[key])])) as Record<K, number>;
}

/** A plugin's grouped counts for one section: rows of one table in the filter's range, counted per group. */
export interface GroupedCounts<Name extends string> {
  table: string;
  /** the instant column the range applies to, and the locale column the filter's locale applies to */
  at: string;
  localeColumn: string;
  /** the column the rows are grouped by; rows are ordered by the first count (descending), then by it */
  groupBy: string;
  /** the group's title (plugin SQL, an aggregate such as `max(meeting_type_title)`); null without it */
  title?: string;
  /** each count's name and its aggregate (plugin SQL, e.g. `count(*) filter (where status = 'cancelled')`) */
  counts: Record<Name, string>;
}

/** The aggregate that counts the rows of a group matching a condition (plugin SQL), e.g. `status = 'cancelled'`. */
export const countWhere = (condition: string) => `count(*) filter (where ${condition})`;

/** One group of `groupedCounts`: the group's value, its title, and its counts as numbers. */
export type GroupCounts<Name extends string> = { group: string; title: string | null } & Record<Name, number>;

/**
 * `select <groupBy>, <title>, <aggregate> as <name>... from <table> where <at> in range [and locale]
 * group by <groupBy> order by <first count> desc, <groupBy>`: the query behind a section table of
 * counts per group, its counts as numbers (PostgreSQL answers a bigint as a string).
 */
export async function groupedCounts<Name extends string>(
  knex: Knex,
  filter: AnalyticsFilter,
  query: GroupedCounts<Name>,
): Promise<Array<GroupCounts<Name>>> {
  const names = Object.keys(query.counts) as Name[];
  const rows = (await inRange(knex(query.table), filter, query.at, query.localeColumn)
    .select(`${query.groupBy} as group`, knex.raw(`${query.title ?? 'null'} as title`))
    .select(names.map((name) => knex.raw(`${query.counts[name]} as ??`, [name])))
    .groupBy(query.groupBy)
    .orderBy([{ column: names[0], order: 'desc' }, { column: query.groupBy }])) as Array<
    { group: string; title: string | null } & Record<Name, unknown>
  >;
  return rows.map((row) => ({ group: row.group, title: row.title, ...counts(row, names) }));
}
