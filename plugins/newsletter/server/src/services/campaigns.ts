import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { renderCampaign, type CampaignVariant } from '../domain/campaign-email';
import type { SegmentFilter } from '../domain/segment';
import { BATCH_TOPIC, fromJson, getConfig, getService, leads, START_TOPIC, TABLE } from '../utils';

/** A campaign's life: composed, waiting for its time, being sent in batches, sent, or stopped. */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export interface CampaignRow {
  id: number;
  name: string;
  variants: Record<string, CampaignVariant>;
  default_locale: string;
  segment_id: number | null;
  segment_filter: SegmentFilter | null;
  status: CampaignStatus;
  scheduled_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  recipient_count: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface CampaignInput {
  name: string;
  variants: Record<string, CampaignVariant>;
  defaultLocale: string;
  segment?: number | null;
}

/** A campaign row with its jsonb columns read (raw knex rows carry them as text). */
export const toCampaign = (row: CampaignRow): CampaignRow => ({
  ...row,
  variants: fromJson<Record<string, CampaignVariant>>(row.variants),
  segment_filter: row.segment_filter === null ? null : fromJson<SegmentFilter>(row.segment_filter),
});

/** The batch outbox message of one language's batch: `newsletter:<campaign>:<language>:<batch>`. */
export const batchKey = (campaign: number, language: string, batch: number) =>
  `newsletter:${campaign}:${language}:${batch}`;

const conflict = (message: string, code: string) =>
  new errors.ApplicationError(message, {
    errors: [{ path: ['status'], message, name: 'ApplicationError', value: null, code }],
  });

/** A campaign's public face for the admin (dates as ISO strings). */
export const toAdmin = (row: CampaignRow) => ({
  id: row.id,
  name: row.name,
  variants: row.variants,
  defaultLocale: row.default_locale,
  segment: row.segment_id,
  status: row.status,
  scheduledAt: row.scheduled_at ? new Date(row.scheduled_at).toISOString() : null,
  startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
  finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  recipientCount: row.recipient_count,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/**
 * Campaigns: composed in the admin, sent to a segment through the outbox in batches of at most
 * 1,000 recipients (SendGrid personalizations). Starting is one transaction: the campaign row is
 * locked, every recipient gets a row (unique per campaign and contact, so a second start adds
 * nobody twice) with its language and batch number, and one outbox message per batch is written.
 * Built as a service with plain inputs, so a marketing-automation step can call it later.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  const variantLocales = async (variants: Record<string, unknown>, defaultLocale: string) => {
    const locales = leads(strapi).locales;
    for (const locale of [...Object.keys(variants), defaultLocale]) {
      if (!(await locales.isSupported(locale)))
        throw new errors.ValidationError(`${locale} is not a configured locale`, {
          errors: [
            {
              path: ['variants', locale],
              message: 'not a configured locale',
              name: 'ValidationError',
              value: locale,
              code: 'unknown-locale',
            },
          ],
        });
    }
    if (!(defaultLocale in variants))
      throw new errors.ValidationError('The default locale needs a variant', {
        errors: [
          {
            path: ['defaultLocale'],
            message: 'no variant in the default locale',
            name: 'ValidationError',
            value: defaultLocale,
            code: 'missing-variant',
          },
        ],
      });
  };

  const get = async (id: number): Promise<CampaignRow> => {
    const row = await knex()(TABLE.campaigns).where({ id }).first();
    if (!row) throw new errors.NotFoundError('Campaign not found');
    return toCampaign(row);
  };

  const segmentFilterOf = async (segmentId: number | null): Promise<SegmentFilter> =>
    segmentId ? (await getService(strapi, 'segments').get(segmentId)).filter : {};

  const service = {
    get,

    async list(): Promise<CampaignRow[]> {
      return (await knex()(TABLE.campaigns).select('*').orderBy('id', 'desc')).map(toCampaign);
    },

    async create(input: CampaignInput, userId?: number): Promise<CampaignRow> {
      await variantLocales(input.variants, input.defaultLocale);
      if (input.segment) await getService(strapi, 'segments').get(input.segment);
      const [row] = await knex()(TABLE.campaigns)
        .insert({
          name: input.name,
          variants: JSON.stringify(input.variants),
          default_locale: input.defaultLocale,
          segment_id: input.segment ?? null,
          created_by: userId ?? null,
        })
        .returning('*');
      return toCampaign(row);
    },

    async update(id: number, input: CampaignInput): Promise<CampaignRow> {
      const current = await get(id);
      if (current.status !== 'draft') throw conflict('Only a draft can be edited', 'not-draft');
      await variantLocales(input.variants, input.defaultLocale);
      if (input.segment) await getService(strapi, 'segments').get(input.segment);
      const [row] = await knex()(TABLE.campaigns)
        .where({ id, status: 'draft' })
        .update({
          name: input.name,
          variants: JSON.stringify(input.variants),
          default_locale: input.defaultLocale,
          segment_id: input.segment ?? null,
          updated_at: new Date(),
        })
        .returning('*');
      if (!row) throw conflict('Only a draft can be edited', 'not-draft');
      return toCampaign(row);
    },

    async remove(id: number): Promise<void> {
      const current = await get(id);
      if (current.status !== 'draft' && current.status !== 'cancelled')
        throw conflict('Only a draft or a cancelled campaign can be deleted', 'not-draft');
      await knex()(TABLE.campaigns).where({ id }).delete();
    },

    /** The email as a reader of `locale` sees it (placeholders for the personal links). */
    async preview(id: number, locale?: string) {
      const campaign = await get(id);
      const language = locale && campaign.variants[locale] ? locale : campaign.default_locale;
      return renderCampaign(campaign.variants[language], {
        locale: language,
        physicalAddress: await getService(strapi, 'settings').physicalAddress(),
        siteName: getConfig(strapi).siteName,
      });
    },

    /** The live count of the campaign's segment. */
    async audienceCount(id: number): Promise<number> {
      const campaign = await get(id);
      return getService(strapi, 'segments').count(await segmentFilterOf(campaign.segment_id));
    },

    /** One email to the admin's own address, through the outbox like the campaign. */
    async testSend(id: number, email: string, locale?: string) {
      const campaign = await get(id);
      await getService(strapi, 'settings').requireAddress();
      const language = locale && campaign.variants[locale] ? locale : campaign.default_locale;
      await leads(strapi).outbox.enqueue([
        {
          topic: BATCH_TOPIC,
          idempotencyKey: `newsletter:test:${id}:${Date.now()}:${Math.random().toString(36).slice(2, 10)}`,
          payload: { test: true, campaign: id, email, language },
        },
      ]);
      return { queued: true };
    },

    /** Sends at `at` (the recipients are chosen then); a later schedule replaces an earlier one. */
    async schedule(id: number, at: Date) {
      if (at.getTime() < Date.now() - 60_000)
        throw new errors.ValidationError('The time is in the past', {
          errors: [
            { path: ['at'], message: 'in the past', name: 'ValidationError', value: at.toISOString(), code: 'past' },
          ],
        });
      await getService(strapi, 'settings').requireAddress();
      await strapi.db.transaction(async ({ trx }) => {
        const campaign = await trx(TABLE.campaigns).where({ id }).forUpdate().first();
        if (!campaign) throw new errors.NotFoundError('Campaign not found');
        if (campaign.status !== 'draft' && campaign.status !== 'scheduled')
          throw conflict('The campaign was sent or cancelled', 'not-draft');
        await trx(TABLE.campaigns)
          .where({ id })
          .update({ status: 'scheduled', scheduled_at: at, updated_at: new Date() });
        await leads(strapi).outbox.enqueue([
          {
            topic: START_TOPIC,
            idempotencyKey: `newsletter:start:${id}:${at.toISOString()}`,
            payload: { campaign: id, at: at.toISOString() },
            notBefore: at,
          },
        ]);
      });
      // read after the commit: the answer shows the schedule
      return get(id);
    },

    /** Back to draft (a scheduled campaign) or stop (one that is sending: batches not yet sent are skipped). */
    async cancel(id: number) {
      const [row] = await knex()(TABLE.campaigns)
        .where({ id })
        .whereIn('status', ['scheduled', 'sending'])
        .update({
          status: knex().raw(`case when status = 'scheduled' then 'draft' else 'cancelled' end`),
          scheduled_at: null,
          updated_at: new Date(),
        })
        .returning('*');
      if (!row) throw conflict('Only a scheduled or sending campaign can be cancelled', 'not-cancellable');
      return toCampaign(row as CampaignRow);
    },

    /** The scheduled start (outbox `newsletter.start`): only if the schedule is still the one it was made for. */
    async startScheduled(payload: { campaign?: unknown; at?: unknown }) {
      const id = Number(payload.campaign);
      const campaign = await knex()(TABLE.campaigns).where({ id }).first();
      if (!campaign || campaign.status !== 'scheduled') return { skipped: 'not-scheduled' };
      if (!campaign.scheduled_at || new Date(campaign.scheduled_at).toISOString() !== payload.at)
        return { skipped: 'rescheduled' };
      return service.start(id, { from: 'scheduled' });
    },

    /**
     * Sends now: recipients and batch messages in one transaction. 100,000 recipients are one
     * INSERT … SELECT and 100 outbox rows (scripts/bench/newsletter.ts).
     */
    async start(id: number, options: { from?: 'draft' | 'scheduled' } = {}) {
      await getService(strapi, 'settings').requireAddress();
      const batchSize = getConfig(strapi).batchSize;
      return strapi.db.transaction(async ({ trx }) => {
        const locked: CampaignRow | undefined = await trx(TABLE.campaigns).where({ id }).forUpdate().first();
        if (!locked) throw new errors.NotFoundError('Campaign not found');
        const campaign = toCampaign(locked);
        const allowed = options.from === 'scheduled' ? ['scheduled'] : ['draft', 'scheduled'];
        if (!allowed.includes(campaign.status)) throw conflict('The campaign was sent or cancelled', 'not-draft');
        const filter = await segmentFilterOf(campaign.segment_id);
        const languages = Object.keys(campaign.variants);
        const audience = getService(strapi, 'segments').audience(filter, trx);
        const members = trx
          .from(audience.as('m'))
          .select(
            'm.id',
            'm.document_id',
            'm.email',
            'm.confirmed_at',
            trx.raw(
              `case when m.language in (${languages.map(() => '?').join(', ')}) then m.language else ? end as variant`,
              [...languages, campaign.default_locale],
            ),
          );
        const rows = trx
          .from(members.as('r'))
          .select(
            trx.raw('?::integer', [id]),
            'r.id',
            'r.document_id',
            'r.email',
            'r.variant',
            trx.raw('(row_number() over (partition by r.variant order by r.id) - 1) / ?::integer', [batchSize]),
            'r.confirmed_at',
          );
        await trx.raw(
          `insert into ?? (campaign_id, contact_id, contact_document_id, email, language, batch, confirmed_at) ? on conflict (campaign_id, contact_id) do nothing`,
          [TABLE.recipients, rows],
        );
        const batches: Array<{ language: string; batch: number; recipients: string }> = await trx(TABLE.recipients)
          .where({ campaign_id: id })
          .groupBy('language', 'batch')
          .select('language', 'batch')
          .count({ recipients: '*' })
          .orderBy([{ column: 'language' }, { column: 'batch' }]);
        const recipientCount = batches.reduce((sum, batch) => sum + Number(batch.recipients), 0);
        const now = new Date();
        await trx(TABLE.campaigns)
          .where({ id })
          .update({
            status: recipientCount > 0 ? 'sending' : 'sent',
            started_at: now,
            finished_at: recipientCount > 0 ? null : now,
            recipient_count: recipientCount,
            updated_at: now,
          });
        await leads(strapi).outbox.enqueue(
          batches.map((batch) => ({
            topic: BATCH_TOPIC,
            idempotencyKey: batchKey(id, batch.language, batch.batch),
            payload: { campaign: id, language: batch.language, batch: batch.batch },
          })),
        );
        return { recipients: recipientCount, batches: batches.length };
      });
    },
  };
  return service;
};
