/**
 * The dashboard's fixed figures, composed from the sections the leads core and odoo-sync supply
 * like every other plugin (docs/adr/0011-lead-analytics.md): the analytics plugin owns no SQL. Pure,
 * so the composition is tested without a CMS. A section that is missing (its plugin failed or is
 * not installed) leaves its figure empty, never the dashboard.
 */
import type { AnalyticsTable } from './table';
import type { Funnel, OutboxTopic, UtmRow } from './figures';
import { stagesTable, type Timeline } from '@magnetiq/plugin-kit/server';

export const UTM_DIMENSIONS = ['source', 'medium', 'campaign'] as const;
export type UtmDimension = (typeof UTM_DIMENSIONS)[number];
/** rows per UTM table on the dashboard; the CSV export has them all */
export const TOP_UTM = 10;

/** The sections the dashboard draws as its own figures (names as the dashboard prefixes them). */
export const FIGURE_SECTIONS = {
  timeline: 'leads.timeline',
  funnel: ['leads.funnel', 'odoo-sync.funnel'],
  utm: (dimension: UtmDimension) => `leads.utm-${dimension}`,
  outbox: 'leads.outbox',
} as const;

const FIGURE_NAMES = new Set<string>([
  FIGURE_SECTIONS.timeline,
  ...FIGURE_SECTIONS.funnel,
  ...UTM_DIMENSIONS.map(FIGURE_SECTIONS.utm),
  FIGURE_SECTIONS.outbox,
]);

export const FUNNEL_STAGES = ['submitted', 'confirmed', 'synced', 'qualified', 'won'] as const;

const num = (value: unknown) => (typeof value === 'number' ? value : 0);
const find = (tables: AnalyticsTable[], name: string) => tables.find((table) => table.name === name);

/** The time series from the leads core's `timeline` table (bucket, one column per type, total). */
export function timelineOf(table: AnalyticsTable | undefined): Timeline {
  if (!table) return { types: [], buckets: [] };
  const types = table.columns.map((column) => column.key).filter((key) => key !== 'bucket' && key !== 'total');
  return {
    types,
    buckets: table.rows.map((row) => ({
      bucket: String(row.bucket),
      total: num(row.total),
      counts: Object.fromEntries(types.map((type) => [type, num(row[type])])),
    })),
  };
}

/** The five stages from the funnel sections (rows of stage and contacts); a stage nobody supplied is 0. */
export function funnelOf(tables: AnalyticsTable[]): Funnel {
  const stages = new Map<string, number>();
  for (const name of FIGURE_SECTIONS.funnel)
    for (const row of find(tables, name)?.rows ?? []) stages.set(String(row.stage), num(row.contacts));
  return Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, stages.get(stage) ?? 0])) as unknown as Funnel;
}

export function utmOf(table: AnalyticsTable | undefined, limit?: number): UtmRow[] {
  const rows = (table?.rows ?? []).map((row) => ({
    value: typeof row.value === 'string' ? row.value : null,
    activities: num(row.activities),
    contacts: num(row.contacts),
    confirmed: num(row.confirmed),
    conversion: num(row.conversion),
  }));
  return limit ? rows.slice(0, limit) : rows;
}

export function outboxOf(table: AnalyticsTable | undefined): OutboxTopic[] {
  return (table?.rows ?? []).map((row) => ({
    topic: String(row.topic),
    pending: num(row.pending),
    processing: num(row.processing),
    dead: num(row.dead),
  }));
}

/** The dashboard: its own figures from their sections, and every other section as a table. */
export function composeDashboard(tables: AnalyticsTable[]) {
  return {
    timeline: timelineOf(find(tables, FIGURE_SECTIONS.timeline)),
    funnel: funnelOf(tables),
    utm: Object.fromEntries(
      UTM_DIMENSIONS.map((dimension) => [dimension, utmOf(find(tables, FIGURE_SECTIONS.utm(dimension)), TOP_UTM)]),
    ) as Record<UtmDimension, UtmRow[]>,
    outbox: outboxOf(find(tables, FIGURE_SECTIONS.outbox)),
    sections: tables.filter((table) => !FIGURE_NAMES.has(table.name)),
  };
}

/**
 * One export table by the dashboard's name for it: `timeline`, `funnel` (the five stages),
 * `utm-<dimension>` (all rows), `outbox`, or a section's `<plugin>.<name>`; undefined when none.
 */
export function exportTable(name: string, tables: AnalyticsTable[]): AnalyticsTable | undefined {
  if (name === 'funnel') return stagesTable({ name, title: 'Funnel' }, { ...funnelOf(tables) });
  const figure =
    name === 'timeline' || name === 'outbox' || UTM_DIMENSIONS.some((dimension) => name === `utm-${dimension}`)
      ? find(tables, `leads.${name}`)
      : undefined;
  if (figure) return { ...figure, name };
  return find(tables, name);
}
