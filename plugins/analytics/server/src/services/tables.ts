import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { AnalyticsRange } from '../domain/range';
import type { AnalyticsTable } from '../domain/table';
import { getService } from '../utils';
import type { UtmRow } from '../domain/figures';
import { TOP_UTM, UTM_DIMENSIONS, type UtmDimension } from './overview';

const utmTable = (dimension: UtmDimension, rows: UtmRow[]): AnalyticsTable => ({
  name: `utm-${dimension}`,
  title: `UTM ${dimension}`,
  columns: [
    { key: 'value', label: `utm_${dimension}`, kind: 'text' },
    { key: 'activities', label: 'Activities', kind: 'count' },
    { key: 'contacts', label: 'Contacts', kind: 'count' },
    { key: 'confirmed', label: 'Confirmed', kind: 'count' },
    { key: 'conversion', label: 'Conversion to confirmed', kind: 'percent' },
  ],
  rows: rows.map((row) => ({ ...row })),
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const overview = () => getService(strapi, 'overview');

  return {
    /** Everything the dashboard shows, in one answer (the queries run side by side). */
    async dashboard(range: AnalyticsRange) {
      const [timeline, funnel, source, medium, campaign, outbox, sections] = await Promise.all([
        overview().timeline(range),
        overview().funnel(range),
        ...UTM_DIMENSIONS.map((dimension) => overview().utm(range, dimension, TOP_UTM)),
        overview().outbox(),
        overview().sections(range),
      ] as const);
      return {
        range: { from: range.from, to: range.to, locale: range.locale, interval: range.interval },
        timeline,
        funnel,
        utm: { source, medium, campaign },
        outbox,
        sections,
      };
    },

    /** One table by name, complete (UTM without the top-10 cut), for the CSV export. */
    async table(name: string, range: AnalyticsRange): Promise<AnalyticsTable> {
      if (name === 'timeline') {
        const timeline = await overview().timeline(range);
        return {
          name,
          title: 'Leads over time',
          columns: [
            { key: 'bucket', label: range.interval === 'week' ? 'Week' : 'Day', kind: 'text' },
            ...timeline.types.map((type) => ({ key: type, label: type, kind: 'count' as const })),
            { key: 'total', label: 'Total', kind: 'count' },
          ],
          rows: timeline.buckets.map((bucket) => ({ bucket: bucket.bucket, ...bucket.counts, total: bucket.total })),
        };
      }
      if (name === 'funnel') {
        const funnel = await overview().funnel(range);
        return {
          name,
          title: 'Funnel',
          columns: [
            { key: 'stage', label: 'Stage', kind: 'text' },
            { key: 'contacts', label: 'Contacts', kind: 'count' },
          ],
          rows: Object.entries(funnel).map(([stage, contacts]) => ({ stage, contacts })),
        };
      }
      const dimension = UTM_DIMENSIONS.find((candidate) => name === `utm-${candidate}`);
      if (dimension) return utmTable(dimension, await overview().utm(range, dimension));
      if (name === 'outbox') {
        return {
          name,
          title: 'Outbox health',
          columns: [
            { key: 'topic', label: 'Topic', kind: 'text' },
            { key: 'pending', label: 'Pending', kind: 'count' },
            { key: 'processing', label: 'Processing', kind: 'count' },
            { key: 'dead', label: 'Dead', kind: 'count' },
          ],
          rows: (await overview().outbox()).map((row) => ({ ...row })),
        };
      }
      const section = (await overview().sections(range)).find((table) => table.name === name);
      if (section) return section;
      throw new errors.NotFoundError(`No analytics table named ${name}`);
    },
  };
};
