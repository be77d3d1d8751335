import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { AnalyticsRange } from '../domain/range';
import type { AnalyticsTable } from '../domain/table';
import { composeDashboard, exportTable } from '../domain/compose';
import { getConfig, getService } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const overview = () => getService(strapi, 'overview');

  return {
    /**
     * Everything the dashboard shows, in one answer (every plugin's sections run side by side), from
     * data at most the answer cache's time old: counts for marketing, not a live feed.
     */
    async dashboard(range: AnalyticsRange) {
      return {
        range: { from: range.from, to: range.to, locale: range.locale, interval: range.interval },
        // half the cache time: a snapshot older than that answers at most once more while it is rebuilt
        ...composeDashboard(await overview().sections(range, Math.ceil(getConfig(strapi).cacheSeconds / 2))),
      };
    },

    /** One table by name, complete (UTM without the top-10 cut), for the CSV export: from the data as it is now. */
    async table(name: string, range: AnalyticsRange): Promise<AnalyticsTable> {
      const table = exportTable(name, await overview().sections(range));
      if (!table) throw new errors.NotFoundError(`No analytics table named ${name}`);
      return table;
    },
  };
};
