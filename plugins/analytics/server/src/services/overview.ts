import type { Core } from '@strapi/strapi';
import type { AnalyticsFilter } from '@magnetiq/plugin-kit/server';
import type { AnalyticsRange } from '../domain/range';
import { isAnalyticsTable, type AnalyticsTable } from '../domain/table';

/**
 * Collects the tables of every plugin that has an `analytics` service with `sections(filter)`:
 * the leads core (timeline, funnel, UTM, outbox), odoo-sync (the funnel's CRM stages), whitepapers,
 * webinars, booking… This plugin owns no tables and runs no SQL: docs/adr/0011-lead-analytics.md.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Every plugin's sections for the range, side by side, each name prefixed `<plugin>.`. A failing
   * plugin is logged and left out: one broken section must not hide the dashboard. `maxAgeSeconds`:
   * how old the data behind a section may be (plugins that count from a snapshot reuse it that long).
   */
  async sections(range: AnalyticsRange, maxAgeSeconds = 0): Promise<AnalyticsTable[]> {
    const filter: AnalyticsFilter = {
      from: range.from,
      to: range.to,
      locale: range.locale,
      start: range.start,
      end: range.end,
      interval: range.interval,
      maxAgeSeconds,
    };
    const plugins = Object.keys(strapi.plugins).filter((name) => name !== 'analytics');
    const answers = await Promise.all(
      plugins.map(async (pluginName) => {
        const service = strapi.plugin(pluginName).service('analytics') as
          { sections?: (filter: AnalyticsFilter) => Promise<unknown> } | undefined;
        if (typeof service?.sections !== 'function') return [];
        try {
          const result = await service.sections(filter);
          const tables: AnalyticsTable[] = [];
          for (const table of Array.isArray(result) ? result : []) {
            if (isAnalyticsTable(table)) tables.push({ ...table, name: `${pluginName}.${table.name}` });
            else strapi.log.warn(`analytics: ignored a malformed section from the ${pluginName} plugin`);
          }
          return tables;
        } catch (error) {
          strapi.log.error(`analytics: the ${pluginName} plugin's sections failed: ${(error as Error).message}`);
          return [];
        }
      }),
    );
    return answers.flat();
  },
});
