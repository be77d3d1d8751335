import { describe, expect, it } from 'vitest';
import { composeDashboard, exportTable, TOP_UTM } from './compose';
import type { AnalyticsTable } from './table';
import { analyticsColumns, stagesTable } from '@magnetiq/plugin-kit/server';

const stageTable = (name: string, stages: Record<string, number>) => stagesTable({ name, title: 'Funnel' }, stages);

const timeline: AnalyticsTable = {
  name: 'leads.timeline',
  title: 'Leads over time',
  columns: analyticsColumns`
    bucket text Day
    contact-form count contact-form
    booking count booking
    total count Total
  `,
  rows: [
    { bucket: '2031-02-01', 'contact-form': 2, booking: 1, total: 3 },
    { bucket: '2031-02-02', 'contact-form': 0, booking: 0, total: 0 },
  ],
};

const utmSource: AnalyticsTable = {
  name: 'leads.utm-source',
  title: 'UTM source',
  columns: [{ key: 'value', label: 'utm_source' }],
  rows: Array.from({ length: 12 }, (_, i) => ({
    value: i === 11 ? null : `source-${i}`,
    activities: 20 - i,
    contacts: 12 - i,
    confirmed: 1,
    conversion: 0.5,
  })),
};

const outbox: AnalyticsTable = {
  name: 'leads.outbox',
  title: 'Outbox health',
  columns: [{ key: 'topic', label: 'Topic' }],
  rows: [{ topic: 'email.send', pending: 1, processing: 0, dead: 2 }],
};

const whitepapers: AnalyticsTable = {
  name: 'whitepapers.requests',
  title: 'Whitepapers',
  columns: [{ key: 'title', label: 'Title' }],
  rows: [{ title: 'A paper' }],
};

const all = [
  timeline,
  stageTable('leads.funnel', { submitted: 10, confirmed: 6 }),
  stageTable('odoo-sync.funnel', { synced: 4, qualified: 2, won: 1 }),
  utmSource,
  outbox,
  whitepapers,
];

describe('composeDashboard', () => {
  it("draws the figures from the leads core's and odoo-sync's sections and lists the others", () => {
    const dashboard = composeDashboard(all);
    expect(dashboard.timeline).toEqual({
      types: ['contact-form', 'booking'],
      buckets: [
        { bucket: '2031-02-01', total: 3, counts: { 'contact-form': 2, booking: 1 } },
        { bucket: '2031-02-02', total: 0, counts: { 'contact-form': 0, booking: 0 } },
      ],
    });
    expect(dashboard.funnel).toEqual({ submitted: 10, confirmed: 6, synced: 4, qualified: 2, won: 1 });
    expect(dashboard.utm.source).toHaveLength(TOP_UTM);
    expect(dashboard.utm.source[0]).toEqual({
      value: 'source-0',
      activities: 20,
      contacts: 12,
      confirmed: 1,
      conversion: 0.5,
    });
    expect(dashboard.utm.medium).toEqual([]);
    expect(dashboard.outbox).toEqual([{ topic: 'email.send', pending: 1, processing: 0, dead: 2 }]);
    expect(dashboard.sections.map((table) => table.name)).toEqual(['whitepapers.requests']);
  });

  it('leaves a figure empty when its plugin supplied nothing (failed or not installed)', () => {
    const dashboard = composeDashboard([stageTable('leads.funnel', { submitted: 3, confirmed: 1 })]);
    expect(dashboard.funnel).toEqual({ submitted: 3, confirmed: 1, synced: 0, qualified: 0, won: 0 });
    expect(dashboard.timeline).toEqual({ types: [], buckets: [] });
    expect(dashboard.outbox).toEqual([]);
  });
});

describe('exportTable', () => {
  it('exports the figures under their dashboard names, UTM with every row', () => {
    expect(exportTable('timeline', all)).toEqual({ ...timeline, name: 'timeline' });
    expect(exportTable('utm-source', all)?.rows).toHaveLength(12);
    expect(exportTable('outbox', all)?.name).toBe('outbox');
    expect(exportTable('funnel', all)?.rows).toEqual([
      { stage: 'submitted', contacts: 10 },
      { stage: 'confirmed', contacts: 6 },
      { stage: 'synced', contacts: 4 },
      { stage: 'qualified', contacts: 2 },
      { stage: 'won', contacts: 1 },
    ]);
  });

  it('finds a section by its prefixed name, and nothing else', () => {
    expect(exportTable('whitepapers.requests', all)).toBe(whitepapers);
    expect(exportTable('utm-term', all)).toBeUndefined();
    expect(exportTable('contacts', all)).toBeUndefined();
  });
});
