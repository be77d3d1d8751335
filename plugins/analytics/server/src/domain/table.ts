/**
 * A table of counts as the dashboard shows and exports it. The same shape is what other plugins'
 * `analytics` services return from `sections()` (see docs/adr/0011-lead-analytics.md).
 */
import type { AnalyticsTable } from '@magnetiq/plugin-kit/server';

export type { AnalyticsColumn, AnalyticsTable } from '@magnetiq/plugin-kit/server';

const NAME = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** Checks a table a plugin handed in, so one broken section cannot break the page or the export. */
export function isAnalyticsTable(value: unknown): value is AnalyticsTable {
  if (!value || typeof value !== 'object') return false;
  const table = value as Partial<AnalyticsTable>;
  if (typeof table.name !== 'string' || !NAME.test(table.name) || typeof table.title !== 'string') return false;
  if (!Array.isArray(table.columns) || table.columns.length === 0) return false;
  if (!table.columns.every((column) => column && typeof column.key === 'string' && typeof column.label === 'string'))
    return false;
  if (!Array.isArray(table.rows)) return false;
  return table.rows.every(
    (row) =>
      row &&
      typeof row === 'object' &&
      Object.values(row).every((cell) => cell === null || typeof cell === 'string' || typeof cell === 'number'),
  );
}

/** A cell as text, with a leading quote where a spreadsheet would run it as a formula (CSV injection). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : String(value);
  return typeof value !== 'number' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Header (column keys) and rows in column order, ready for csv-stringify. */
export function csvRecords(table: Pick<AnalyticsTable, 'columns' | 'rows'>): string[][] {
  return [
    table.columns.map((column) => column.key),
    ...table.rows.map((row) => table.columns.map((column) => csvCell(row[column.key]))),
  ];
}

/** confirmed / submitted as a fraction with 4 decimals; 0 when nothing was submitted (the kit's rate). */
export { rate } from '@magnetiq/plugin-kit/server';
