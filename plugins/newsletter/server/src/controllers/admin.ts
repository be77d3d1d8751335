import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { stringify } from 'csv-stringify/sync';
import { DOCUMENT_ID, type RequestContext } from '@magnetiq/plugin-kit/server';
import type { SegmentFilter } from '../domain/segment';
import { toAdmin, type CampaignInput } from '../services/campaigns';
import type { TopicInput } from '../services/topics';
import { STAT_COUNTS, STAT_RATES } from '../services/stats';
import {
  campaignSchema,
  scheduleSchema,
  segmentFilterSchema,
  segmentSchema,
  settingsSchema,
  suppressionSchema,
  testSendSchema,
  topicSchema,
} from '../validation/admin';
import { getService, leads } from '../utils';
import { validateStrict } from '../validation/strict';

const idOf = (ctx: RequestContext, name = 'id'): number => {
  const id = Number(ctx.params[name]);
  if (!Number.isSafeInteger(id) || id < 1 || String(id) !== ctx.params[name])
    throw new errors.NotFoundError('Not found');
  return id;
};

const segmentToAdmin = (row: {
  id: number;
  name: string;
  filter: SegmentFilter;
  created_at: Date;
  updated_at: Date;
}) => ({
  id: row.id,
  name: row.name,
  filter: row.filter,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const validate = <T>(schema: Parameters<typeof validateStrict>[1], body: unknown) =>
    validateStrict<T>(strapi, schema, body);
  const topics = () => getService(strapi, 'topics');
  const segments = () => getService(strapi, 'segments');
  const campaigns = () => getService(strapi, 'campaigns');

  return {
    // ---------------------------------------------------------------- topics
    async listTopics(ctx: RequestContext) {
      ctx.body = { data: await topics().listWithCounts(), meta: {} };
    },
    async createTopic(ctx: RequestContext) {
      const input = await validate<TopicInput>(topicSchema, ctx.request.body);
      input.locale = await leads(strapi).locales.resolve(input.locale, 'locale');
      ctx.status = 201;
      ctx.body = { data: await topics().create(input), meta: {} };
    },
    async updateTopic(ctx: RequestContext) {
      const id = idOf(ctx);
      const input = await validate<TopicInput>(topicSchema, ctx.request.body);
      input.locale = await leads(strapi).locales.resolve(input.locale, 'locale');
      ctx.body = { data: await topics().update(id, input), meta: {} };
    },
    async deleteTopic(ctx: RequestContext) {
      await topics().remove(idOf(ctx));
      ctx.body = { data: { deleted: true }, meta: {} };
    },

    // ---------------------------------------------------------------- segments
    async listSegments(ctx: RequestContext) {
      ctx.body = { data: (await segments().list()).map(segmentToAdmin), meta: {} };
    },
    async segmentOptions(ctx: RequestContext) {
      ctx.body = { data: await segments().options(), meta: {} };
    },
    async createSegment(ctx: RequestContext) {
      const input = await validate<{ name: string; filter: SegmentFilter }>(segmentSchema, ctx.request.body);
      await segments().check(input.filter);
      ctx.status = 201;
      ctx.body = { data: segmentToAdmin(await segments().create(input)), meta: {} };
    },
    async updateSegment(ctx: RequestContext) {
      const id = idOf(ctx);
      const input = await validate<{ name: string; filter: SegmentFilter }>(segmentSchema, ctx.request.body);
      await segments().check(input.filter);
      ctx.body = { data: segmentToAdmin(await segments().update(id, input)), meta: {} };
    },
    async deleteSegment(ctx: RequestContext) {
      await segments().remove(idOf(ctx));
      ctx.body = { data: { deleted: true }, meta: {} };
    },
    /** POST /segments/count: the live count of a filter, saved or not (the editor sees it change as they edit). */
    async countFilter(ctx: RequestContext) {
      const filter = await segments().check(await validate<SegmentFilter>(segmentFilterSchema, ctx.request.body));
      ctx.body = { data: { count: await segments().count(filter) }, meta: {} };
    },
    async countSegment(ctx: RequestContext) {
      const segment = await segments().get(idOf(ctx));
      ctx.body = { data: { count: await segments().count(segment.filter) }, meta: {} };
    },

    // ---------------------------------------------------------------- campaigns
    /** Every campaign with its counts and rates (one query for all: the list asks nothing per row). */
    async listCampaigns(ctx: RequestContext) {
      const [rows, stats] = await Promise.all([campaigns().list(), getService(strapi, 'stats').byCampaign()]);
      ctx.body = { data: rows.map((row) => ({ ...toAdmin(row), stats: stats.get(row.id) ?? null })), meta: {} };
    },
    async getCampaign(ctx: RequestContext) {
      ctx.body = { data: toAdmin(await campaigns().get(idOf(ctx))), meta: {} };
    },
    async createCampaign(ctx: RequestContext) {
      const input = await validate<CampaignInput>(campaignSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: toAdmin(await campaigns().create(input, ctx.state.user?.id)), meta: {} };
    },
    async updateCampaign(ctx: RequestContext) {
      const id = idOf(ctx);
      const input = await validate<CampaignInput>(campaignSchema, ctx.request.body);
      ctx.body = { data: toAdmin(await campaigns().update(id, input)), meta: {} };
    },
    async deleteCampaign(ctx: RequestContext) {
      await campaigns().remove(idOf(ctx));
      ctx.body = { data: { deleted: true }, meta: {} };
    },
    async previewCampaign(ctx: RequestContext) {
      const locale = typeof ctx.query?.locale === 'string' ? ctx.query.locale : undefined;
      ctx.body = { data: await campaigns().preview(idOf(ctx), locale), meta: {} };
    },
    async audienceCount(ctx: RequestContext) {
      ctx.body = { data: { count: await campaigns().audienceCount(idOf(ctx)) }, meta: {} };
    },
    async testSend(ctx: RequestContext) {
      const id = idOf(ctx);
      const input = await validate<{ email: string; locale?: string }>(testSendSchema, ctx.request.body);
      // an editor may test-send only to their own address: the admin is no open relay
      const own = ctx.state.user?.email?.toLowerCase();
      if (!own || input.email.toLowerCase() !== own)
        throw new errors.ForbiddenError('A test is sent to your own address only');
      ctx.status = 202;
      ctx.body = { data: await campaigns().testSend(id, input.email, input.locale), meta: {} };
    },
    async sendNow(ctx: RequestContext) {
      const result = await campaigns().start(idOf(ctx));
      ctx.status = 202;
      ctx.body = { data: result, meta: {} };
    },
    async schedule(ctx: RequestContext) {
      const id = idOf(ctx);
      const input = await validate<{ at: string }>(scheduleSchema, ctx.request.body);
      const at = new Date(input.at);
      if (Number.isNaN(at.getTime()))
        throw new errors.ValidationError('at is not a date', {
          errors: [
            { path: ['at'], message: 'not a date', name: 'ValidationError', value: input.at, code: 'invalid_date' },
          ],
        });
      ctx.body = { data: toAdmin(await campaigns().schedule(id, at)), meta: {} };
    },
    async cancel(ctx: RequestContext) {
      ctx.body = { data: toAdmin(await campaigns().cancel(idOf(ctx))), meta: {} };
    },

    // ---------------------------------------------------------------- statistics
    async campaignStats(ctx: RequestContext) {
      const stats = await getService(strapi, 'stats').ofCampaign(idOf(ctx));
      if (!stats) throw new errors.NotFoundError('Campaign not found');
      ctx.body = { data: stats, meta: {} };
    },
    async statsCsv(ctx: RequestContext) {
      const rows = await getService(strapi, 'stats').all();
      const columns = ['campaign', 'name', 'status', ...STAT_COUNTS, ...STAT_RATES] as const;
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="newsletter-campaigns.csv"');
      // a name starting with = + - @ would be a formula in a spreadsheet
      const cell = (value: unknown) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
      ctx.body = stringify([
        columns as unknown as string[],
        ...rows.map((row) => columns.map((column) => cell(row[column]))),
      ]);
    },

    // ---------------------------------------------------------------- settings, history
    async readSettings(ctx: RequestContext) {
      ctx.body = { data: await getService(strapi, 'settings').read(), meta: {} };
    },
    async writeSettings(ctx: RequestContext) {
      const input = await validate<{ physicalAddress: string }>(settingsSchema, ctx.request.body);
      ctx.body = { data: await getService(strapi, 'settings').write(input), meta: {} };
    },
    /** POST /suppressions/lookup { email }: whether and why an address is suppressed (the address stays out of URLs and logs). */
    async findSuppression(ctx: RequestContext) {
      const { email } = await validate<{ email: string }>(suppressionSchema, ctx.request.body);
      const found = await getService(strapi, 'suppressions').find(email);
      await leads(strapi).audit.adminRead(ctx.state.user, 'newsletter.suppression.read', {
        type: 'suppression',
        id: getService(strapi, 'suppressions').hash(email),
      });
      ctx.body = { data: found, meta: {} };
    },
    /** POST /suppressions/remove { email }: an admin lifts a suppression, e.g. a bounced address that works again. */
    async removeSuppression(ctx: RequestContext) {
      const { email } = await validate<{ email: string }>(suppressionSchema, ctx.request.body);
      const removed = await getService(strapi, 'suppressions').remove(email);
      if (!removed) throw new errors.NotFoundError('This address is not suppressed');
      await leads(strapi).audit.adminRead(ctx.state.user, 'newsletter.suppression.remove', {
        type: 'suppression',
        id: getService(strapi, 'suppressions').hash(email),
      });
      ctx.body = { data: { removed: true }, meta: {} };
    },
    async contactHistory(ctx: RequestContext) {
      const documentId = ctx.params.documentId;
      if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId))
        throw new errors.NotFoundError('Contact not found');
      const history = await getService(strapi, 'history').ofContact(documentId);
      await leads(strapi).audit.adminRead(ctx.state.user, 'newsletter.history', { type: 'contact', id: documentId });
      ctx.body = { data: history, meta: {} };
    },
  };
};
