import type { Core } from '@strapi/strapi';
import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import { retryAfterMs } from '../domain/backoff';
import { renderEmail, type EmailLocale, type TemplateData, type TemplateName } from '../domain/email-templates';
import { signToken } from '../domain/tokens';
import { getConfig, UID } from '../utils';
import { PermanentDeliveryError, RetryLaterError } from './outbox';

export const EMAIL_TOPIC = 'email.send';

export interface EmailPayload {
  template: TemplateName;
  locale: EmailLocale;
  to: string;
  data: TemplateData;
  /** contact document id, for the unsubscribe link of marketing emails */
  contact?: string;
}

/** SendGrid's answers that no retry can change (RFC: 4xx but 408/429). */
const isPermanentStatus = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let mailer: MailService | null = null;

  const sendgrid = () => {
    if (mailer) return mailer;
    const { apiKey, baseUrl } = getConfig(strapi).sendgrid;
    const client = new Client();
    client.setApiKey(apiKey); // resets baseUrl to the region default, so set ours after it
    client.setDefaultRequest('baseUrl', baseUrl);
    client.setDefaultRequest('timeout' as any, 15_000);
    mailer = new MailService();
    mailer.setClient(client);
    return mailer;
  };

  return {
    /** The outbox handler for `email.send`. */
    async deliver({ payload, idempotencyKey }: { payload: EmailPayload; idempotencyKey: string }) {
      const config = getConfig(strapi);
      // Our log is checked first: a replayed or recovered row whose email already went out is not sent again.
      const already = await strapi.db.query(UID.email).findOne({ where: { idempotencyKey }, select: ['id', 'providerMessageId'] });
      if (already) return { skipped: 'already-sent', providerMessageId: already.providerMessageId };

      const data: TemplateData = { siteName: config.siteName, ...payload.data };
      if (payload.template === 'confirm-subscription') {
        // Signed now, not at capture: the link's lifetime starts when the email leaves.
        if (!payload.contact) throw new PermanentDeliveryError('confirmation email without a contact');
        const expiresAt = new Date(Date.now() + config.confirmationTtlHours * 3600 * 1000);
        const token = signToken({ purpose: 'confirm', subject: payload.contact, expiresAt }, config.tokenSecret);
        data.confirmUrl = `${config.publicUrl}/api/leads/confirm?token=${encodeURIComponent(token)}`;
      }
      const rendered = renderEmail(payload.template, payload.locale, data);
      const headers: Record<string, string> = {};
      if (rendered.marketing && payload.contact) {
        const token = signToken({ purpose: 'unsubscribe', subject: payload.contact }, config.tokenSecret);
        const url = `${config.publicUrl}/api/leads/unsubscribe?token=${encodeURIComponent(token)}`;
        headers['List-Unsubscribe'] = `<${url}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }

      let transport: 'sendgrid' | 'log' = 'log';
      let providerMessageId: string | null = null;
      if (config.sendgrid.apiKey) {
        transport = 'sendgrid';
        try {
          const [response] = await sendgrid().send({
            to: payload.to,
            from: config.sendgrid.from,
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            headers,
            customArgs: { idempotency_key: idempotencyKey, template: payload.template },
          });
          providerMessageId = (response.headers as Record<string, string>)['x-message-id'] ?? null;
        } catch (error: any) {
          const status: number | undefined = typeof error?.code === 'number' ? error.code : undefined;
          const detail = error?.response?.body?.errors?.map((e: { message: string }) => e.message).join('; ');
          const message = `SendGrid ${status ?? 'request failed'}: ${detail || error?.message || 'unknown error'}`;
          if (status === 429) {
            const reset = Number(error.response?.headers?.['x-ratelimit-reset']);
            const wait = Number.isFinite(reset) ? Math.max(0, reset * 1000 - Date.now()) : retryAfterMs(error.response?.headers?.['retry-after']);
            throw new RetryLaterError(message, wait ?? 0);
          }
          if (status && isPermanentStatus(status)) throw new PermanentDeliveryError(message);
          throw new Error(message);
        }
      } else {
        strapi.log.info(`email (no SENDGRID_API_KEY, logged only): ${payload.template} "${rendered.subject}"`);
      }

      await strapi.db.query(UID.email).create({
        data: {
          to: payload.to,
          subject: rendered.subject,
          template: payload.template,
          transport,
          providerMessageId,
          idempotencyKey,
          // the log is for people reading the admin: links with tokens are capabilities, never stored
          text: rendered.text.replace(/token=[^\s&"'<>]+/g, 'token=[redacted]').replace(/(\/download\/)[^\s?#"'<>]+/g, '$1[redacted]'),
          sentAt: new Date(),
        },
      });
      return { transport, providerMessageId };
    },
  };
};
