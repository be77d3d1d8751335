import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import { errors } from '@strapi/utils';
import { TtlCache } from '../domain/cache';
import { parseRange, type AnalyticsRange } from '../domain/range';
import { csvRecords } from '../domain/table';
import { getConfig, getService } from '../utils';
import type { RequestContext } from '@magnetiq/plugin-kit/server';

const TABLE_NAME = /^([a-z0-9-]{1,60}\.)?[a-z0-9][a-z0-9-]{0,59}$/;

const rangeOf = async (strapi: Core.Strapi, ctx: RequestContext): Promise<AnalyticsRange> => {
  // the filter lists the locales configured in i18n, read through the leads core (docs/adr/0022)
  const { codes } = await (
    strapi.plugin('leads').service('locales') as { list: () => Promise<{ codes: string[] }> }
  ).list();
  const parsed = parseRange(ctx.query ?? {}, codes);
  if ('issues' in parsed) {
    throw new errors.ValidationError('Invalid analytics filter', {
      errors: parsed.issues.map((issue) => ({ path: [issue.path], message: issue.message, name: 'ValidationError' })),
    });
  }
  return parsed.range;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // counts for marketing, not a live feed: one filter's answer is reused for cacheSeconds
  const dashboards = new TtlCache<unknown>(getConfig(strapi).cacheSeconds * 1000);

  return {
    async overview(ctx: RequestContext) {
      const range = await rangeOf(strapi, ctx);
      const key = `${range.from}|${range.to}|${range.locale}|${range.interval}`;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await dashboards.get(key, () => getService(strapi, 'tables').dashboard(range)) };
    },

    async export(ctx: RequestContext) {
      const name = String(ctx.params.table ?? '');
      if (!TABLE_NAME.test(name)) throw new errors.NotFoundError(`No analytics table named ${name}`);
      const range = await rangeOf(strapi, ctx);
      const table = await getService(strapi, 'tables').table(name, range);
      const locale = range.locale === 'all' ? 'all-locales' : range.locale;
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set(
        'Content-Disposition',
        `attachment; filename="analytics-${name.replace('.', '-')}-${range.from}-${range.to}-${locale}.csv"`,
      );
      ctx.set('Cache-Control', 'no-store');
      ctx.body = stringify(csvRecords(table));
    },
  };
};
