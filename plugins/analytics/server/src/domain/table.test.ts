import { describe, expect, it } from 'vitest';
import { csvCell, csvRecords, isAnalyticsTable, rate } from './table';

const table = {
  name: 'papers',
  title: 'Papers',
  columns: [
    { key: 'title', label: 'Title' },
    { key: 'requests', label: 'Requests', kind: 'count' as const },
  ],
  rows: [
    { title: '=HYPERLINK("x")', requests: 3 },
    { title: null, requests: -1 },
  ],
};

describe('csvRecords', () => {
  it('writes the column keys as header and the cells in column order', () => {
    expect(csvRecords(table)).toEqual([
      ['title', 'requests'],
      [`'=HYPERLINK("x")`, '3'],
      ['', '-1'],
    ]);
  });

  it('leaves numbers alone but quotes text a spreadsheet would run', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('newsletter')).toBe('newsletter');
  });
});

describe('isAnalyticsTable', () => {
  it('accepts a well-formed table', () => expect(isAnalyticsTable(table)).toBe(true));
  it.each([
    ['a name with a dot', { ...table, name: 'a.b' }],
    ['no columns', { ...table, columns: [] }],
    ['an object in a cell', { ...table, rows: [{ title: { email: 'x@y.z' } }] }],
    ['not an object', 'papers'],
  ])('rejects %s', (_name, value) => expect(isAnalyticsTable(value)).toBe(false));
});

describe('rate', () => {
  it('is the share with 4 decimals, and 0 of nothing', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(0, 0)).toBe(0);
  });
});
