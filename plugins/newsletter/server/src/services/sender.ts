import type { Core } from '@strapi/strapi';
import { Client } from '@sendgrid/client';
import { deliveryErrors } from '@magnetiq/plugin-kit/server';
import { batchMailBody, renderCampaign, type BatchRecipient } from '../domain/campaign-email';
import { recipientLinks } from '../domain/links';
import { getConfig, getService, leads, TABLE, tokenSecret } from '../utils';
import { toCampaign, type CampaignRow } from './campaigns';

export interface BatchPayload {
  campaign?: unknown;
  language?: unknown;
  batch?: unknown;
  test?: unknown;
  email?: unknown;
}

export interface SendGridFailure {
  code?: unknown;
  message?: string;
  response?: { body?: { errors?: Array<{ message: string }> }; headers?: Record<string, string | undefined> };
}

/** a 429 without a reset header: wait this long */
const DEFAULT_PAUSE_MS = 1000;

/** How long SendGrid asks us to wait: X-RateLimit-Reset (Unix seconds), else Retry-After (seconds). */
export function rateLimitPause(headers: Record<string, string | undefined>, now: number): number {
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(250, reset * 1000 - now);
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.max(250, retryAfter * 1000);
  return DEFAULT_PAUSE_MS;
}

const pause = (message: string, ms: number) => Object.assign(new Error(message), { pauseTopicMs: ms });

/**
 * The outbox handler of `newsletter.batch`: one SendGrid call for the recipients of one batch that
 * are still pending. A recipient row turns `sent` only after SendGrid accepted the call, in one
 * UPDATE, so a batch retried after a crash or a 429 mails only those not yet mailed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let client: Client | null = null;
  const knex = () => strapi.db.connection;

  const sendgrid = () => {
    if (client) return client;
    const { apiKey, baseUrl } = getConfig(strapi).sendgrid;
    client = new Client();
    client.setApiKey(apiKey);
    client.setDefaultRequest('baseUrl', baseUrl);
    const timeout: Record<string, unknown> = { timeout: 30_000 };
    client.setDefaultRequest(timeout as unknown as Parameters<Client['setDefaultRequest']>[0]);
    return client;
  };

  const fromAddress = () => {
    const from = getConfig(strapi).sendgrid.from;
    const match = from.match(/^\s*(.*?)\s*<([^>]+)>\s*$/);
    return match ? { email: match[2], name: match[1] || undefined } : { email: from.trim() };
  };

  /** One call to SendGrid's mail/send; its failures as the outbox understands them. */
  const send = async (body: ReturnType<typeof batchMailBody>): Promise<string | null> => {
    if (!getConfig(strapi).sendgrid.apiKey) {
      strapi.log.info(
        `newsletter (no SENDGRID_API_KEY, logged only): "${body.subject}" to ${body.personalizations.length}`,
      );
      return null;
    }
    try {
      const [response] = await leads(strapi).metrics.timeExternal('sendgrid', 'newsletter.send', () =>
        sendgrid().request({ method: 'POST', url: '/v3/mail/send', body }),
      );
      return (response.headers as Record<string, string>)['x-message-id'] ?? null;
    } catch (caught) {
      const error = caught as SendGridFailure | null | undefined;
      const status = typeof error?.code === 'number' ? error.code : undefined;
      const detail = error?.response?.body?.errors?.map((e) => e.message).join('; ');
      const message = `SendGrid ${status ?? 'request failed'}: ${detail || error?.message || 'unknown error'}`;
      if (status === 429) throw pause(message, rateLimitPause(error?.response?.headers ?? {}, Date.now()));
      if (status && status >= 400 && status < 500 && status !== 408) throw deliveryErrors.permanent(message);
      throw new Error(message, { cause: caught });
    }
  };

  const finishIfDone = async (campaignId: number) => {
    await knex()(TABLE.campaigns)
      .where({ id: campaignId, status: 'sending' })
      .whereNotExists(
        knex()(TABLE.recipients).where({ campaign_id: campaignId, status: 'pending' }).select(knex().raw('1')),
      )
      .update({ status: 'sent', finished_at: new Date(), updated_at: new Date() });
  };

  const rendered = async (campaign: CampaignRow, language: string) => {
    const variant = campaign.variants[language] ?? campaign.variants[campaign.default_locale];
    return renderCampaign(variant, {
      locale: campaign.variants[language] ? language : campaign.default_locale,
      physicalAddress: await getService(strapi, 'settings').requireAddress(),
      siteName: getConfig(strapi).siteName,
    });
  };

  const links = (contact: string, campaign: number, locale: string) =>
    recipientLinks(getConfig(strapi), { contact, campaign, locale }, tokenSecret(strapi));

  return {
    async deliver({ payload }: { payload: BatchPayload; idempotencyKey: string }) {
      const campaignId = Number(payload.campaign);
      const row: CampaignRow | undefined = await knex()(TABLE.campaigns).where({ id: campaignId }).first();
      if (!row) return { skipped: 'no-campaign' };
      const campaign = toCampaign(row);
      const language = String(payload.language ?? campaign.default_locale);

      if (payload.test === true && typeof payload.email === 'string') {
        const email = payload.email;
        const body = batchMailBody({
          from: fromAddress(),
          rendered: await rendered(campaign, language),
          // a test shows the links as they look; they point at no contact
          recipients: [{ email, contact: 'test', ...links('test', campaignId, language) }],
          campaign: campaignId,
          batch: 'test',
        });
        body.subject = `[Test] ${body.subject}`;
        return { test: true, providerMessageId: await send(body) };
      }

      if (campaign.status === 'cancelled') return { skipped: 'cancelled' };
      const batch = Number(payload.batch);
      const pending: Array<{
        id: string;
        contact_id: number;
        contact_document_id: string;
        email: string;
        confirmed_at: Date | null;
      }> = await knex()(TABLE.recipients)
        .where({ campaign_id: campaignId, language, batch, status: 'pending' })
        .select('id', 'contact_id', 'contact_document_id', 'email', 'confirmed_at')
        .orderBy('id');
      if (pending.length === 0) {
        await finishIfDone(campaignId);
        return { skipped: 'nothing-pending' };
      }
      // suppressed since the campaign started (a bounce of the previous batch, an unsubscribe)
      const suppressed = await getService(strapi, 'suppressions').suppressedOf(pending);
      if (suppressed.size > 0)
        await knex()(TABLE.recipients)
          .whereIn(
            'id',
            pending.filter((r) => suppressed.has(r.email)).map((r) => r.id),
          )
          .update({ status: 'suppressed' });
      const sendTo = pending.filter((r) => !suppressed.has(r.email));
      if (sendTo.length === 0) {
        await finishIfDone(campaignId);
        return { sent: 0, suppressed: suppressed.size };
      }

      const recipients: BatchRecipient[] = sendTo.map((r) => ({
        email: r.email,
        contact: r.contact_document_id,
        ...links(r.contact_document_id, campaignId, language),
      }));
      const body = batchMailBody({
        from: fromAddress(),
        rendered: await rendered(campaign, language),
        recipients,
        campaign: campaignId,
        batch: `${language}:${batch}`,
      });
      const messageId = await send(body);
      await knex()(TABLE.recipients)
        .whereIn(
          'id',
          sendTo.map((r) => r.id),
        )
        .where({ status: 'pending' })
        .update({ status: 'sent', sent_at: new Date(), message_id: messageId });
      await finishIfDone(campaignId);
      return { sent: sendTo.length, suppressed: suppressed.size, providerMessageId: messageId };
    },
  };
};
