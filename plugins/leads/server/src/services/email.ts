import type { Core } from '@strapi/strapi';
import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import { retryAfterMs } from '../domain/backoff';
import {
  BUILT_IN_TEMPLATES,
  builtInLocales,
  escapeHtml,
  layout,
  paragraphs,
  renderEmail,
  type EmailLocale,
  type RenderedEmail,
  type TemplateData,
  type TemplateName,
} from '../domain/email-templates';
import { EMAIL_TOPIC, signToken } from '@magnetiq/plugin-kit/server';
import { getConfig, getService, TABLE, UID } from '../utils';
import { rateLimitPauseMs } from '../domain/outbox-policy';
import { PermanentDeliveryError, RateLimitedError } from './outbox';

export { EMAIL_TOPIC };

/** A file sent along: the leads contract's type (contract.ts). */
import type { EmailAttachment, EmailSuppression } from '../contract';

export type { EmailAttachment };

export interface EmailPayload {
  /** a built-in template of the leads core, or one a plugin registered with `registerTemplate` */
  template: TemplateName | string;
  locale: EmailLocale;
  to: string;
  data: TemplateData & Record<string, unknown>;
  /** contact document id, for the unsubscribe link of marketing emails */
  contact?: string;
  /** files sent along (e.g. an ICS invitation), at most a few kilobytes: they live in the outbox row */
  attachments?: EmailAttachment[];
}

/** What a plugin's template gets to build HTML like the core's emails, escaping visitor input. */
export const EMAIL_KIT = { escapeHtml, layout, paragraphs };
export type EmailKit = typeof EMAIL_KIT;

/**
 * A plugin's own email, rendered when the outbox delivers it, in one of the locales it was
 * registered with (the email service picks the fallback); `data.siteName` is set.
 * Values from visitors must go through `kit.escapeHtml` or `kit.paragraphs`.
 */
export type TemplateRenderer = {
  bivarianceHack(locale: EmailLocale, data: Record<string, unknown>, kit: EmailKit): RenderedEmail;
}['bivarianceHack'];

/** What a failed SendGrid call carries (@sendgrid/helpers ResponseError), read defensively. */
interface SendGridFailure {
  code?: unknown;
  message?: string;
  response?: { body?: { errors?: Array<{ message: string }> }; headers?: Record<string, string | undefined> };
}

/** SendGrid's answers that no retry can change (RFC: 4xx but 408/429). */
/** a 429 without X-RateLimit-Reset or Retry-After: pause this long */
const RATE_LIMIT_DEFAULT_PAUSE_MS = 1000;

const isPermanentStatus = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let mailer: MailService | null = null;
  const templates = new Map<string, { renderer: TemplateRenderer; locales: readonly string[] }>();
  const fallbacksLogged = new Set<string>();
  const suppressions: EmailSuppression[] = [];

  /** requested → default locale → the template's first language; a fallback is logged once per template and locale */
  const writtenIn = async (template: string, requested: string, available: readonly string[]): Promise<string> => {
    const locale = await getService(strapi, 'locales').fallback(requested, available);
    const key = `${template}:${requested}`;
    if (locale !== requested && !fallbacksLogged.has(key)) {
      fallbacksLogged.add(key);
      strapi.log.warn(
        `email: no ${requested} translation of the ${template} email, sent in ${locale} (the default locale or the template's first language; logged once per template and locale)`,
      );
    }
    return locale;
  };

  const render = async (
    payload: EmailPayload,
    data: TemplateData & Record<string, unknown>,
  ): Promise<RenderedEmail> => {
    const registered = templates.get(payload.template);
    if (registered)
      return registered.renderer(
        await writtenIn(payload.template, payload.locale, registered.locales),
        data,
        EMAIL_KIT,
      );
    if ((BUILT_IN_TEMPLATES as readonly string[]).includes(payload.template)) {
      const template = payload.template as TemplateName;
      return renderEmail(template, await writtenIn(template, payload.locale, builtInLocales(template)), data);
    }
    throw new PermanentDeliveryError(`unknown email template ${payload.template}`);
  };

  const sendgrid = () => {
    if (mailer) return mailer;
    const { apiKey, baseUrl } = getConfig(strapi).sendgrid;
    const client = new Client();
    client.setApiKey(apiKey); // resets baseUrl to the region default, so set ours after it
    client.setDefaultRequest('baseUrl', baseUrl);
    // the default request is handed to axios, which reads `timeout`; SendGrid's RequestOptions type does not list it
    const timeout: Record<string, unknown> = { timeout: 15_000 };
    client.setDefaultRequest(timeout as unknown as Parameters<Client['setDefaultRequest']>[0]);
    mailer = new MailService();
    mailer.setClient(client);
    return mailer;
  };

  return {
    /** Plugins register their templates in `register` or `bootstrap`, before the outbox starts. */
    /** `locales`: the languages the template is written in (the keys of its copy); others fall back (docs/adr/0022). */
    registerTemplate(name: string, renderer: TemplateRenderer, locales: readonly string[]) {
      if (templates.has(name) || (BUILT_IN_TEMPLATES as readonly string[]).includes(name))
        throw new Error(`email: template ${name} is already registered`);
      if (locales.length === 0) throw new Error(`email: template ${name} names no language`);
      templates.set(name, { renderer, locales });
    },

    /** A check before each email leaves (bounces, complaints: the newsletter's webhook); docs/adr/0027. */
    registerSuppression(check: EmailSuppression) {
      suppressions.push(check);
    },

    /** The outbox handler for `email.send`. */
    async deliver({ payload, idempotencyKey }: { payload: EmailPayload; idempotencyKey: string }) {
      const config = getConfig(strapi);
      // Our log is checked first: a replayed or recovered row whose email already went out is not sent again.
      const already = await strapi.db
        .query(UID.email)
        .findOne({ where: { idempotencyKey }, select: ['id', 'providerMessageId'] });
      if (already) return { skipped: 'already-sent', providerMessageId: already.providerMessageId };

      const data: TemplateData & Record<string, unknown> = {
        siteName: config.siteName,
        siteUrl: `${config.siteUrl}/${payload.locale}/`,
        ...payload.data,
      };
      if (payload.template === 'confirm-subscription') {
        // Signed now, not at capture: the link's lifetime starts when the email leaves.
        if (!payload.contact) throw new PermanentDeliveryError('confirmation email without a contact');
        const expiresAt = new Date(Date.now() + config.confirmationTtlHours * 3600 * 1000);
        const token = signToken({ purpose: 'confirm', subject: payload.contact, expiresAt }, config.tokenSecret);
        // the site's page with one button that POSTs the token: a mail scanner opening the link confirms nothing
        data.confirmUrl = `${config.siteUrl}/${payload.locale}/confirm-subscription/?token=${encodeURIComponent(token)}`;
      }
      const rendered = await render(payload, data);
      for (const check of suppressions) {
        const reason = await check(payload.to, { marketing: rendered.marketing });
        if (reason) {
          strapi.log.info(`email: ${payload.template} not sent, the address is suppressed (${reason})`);
          getService(strapi, 'metrics').emails.inc({ transport: 'suppressed', outcome: 'skipped' });
          return { skipped: 'suppressed', reason };
        }
      }
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
          const [response] = await getService(strapi, 'metrics').timeExternal('sendgrid', 'mail.send', () =>
            sendgrid().send({
              to: payload.to,
              from: config.sendgrid.from,
              subject: rendered.subject,
              text: rendered.text,
              html: rendered.html,
              headers,
              ...(payload.attachments?.length
                ? { attachments: payload.attachments.map((file) => ({ disposition: 'attachment', ...file })) }
                : {}),
              customArgs: { idempotency_key: idempotencyKey, template: payload.template },
            }),
          );
          providerMessageId = (response.headers as Record<string, string>)['x-message-id'] ?? null;
          getService(strapi, 'metrics').emails.inc({ transport, outcome: 'sent' });
        } catch (caught) {
          const error = caught as SendGridFailure | null | undefined;
          getService(strapi, 'metrics').emails.inc({ transport, outcome: 'failed' });
          const code = error?.code;
          const status: number | undefined = typeof code === 'number' ? code : undefined;
          const detail = error?.response?.body?.errors?.map((e: { message: string }) => e.message).join('; ');
          const message = `SendGrid ${status ?? 'request failed'}: ${detail || error?.message || 'unknown error'}`;
          if (status === 429) {
            // the account's limit, not this message's fault: every email waits until the reset (no attempt used)
            const headers = error?.response?.headers ?? {};
            const wait = rateLimitPauseMs(
              { reset: headers['x-ratelimit-reset'], retryAfterMs: retryAfterMs(headers['retry-after']) },
              Date.now(),
            );
            throw new RateLimitedError(message, wait ?? RATE_LIMIT_DEFAULT_PAUSE_MS);
          }
          if (status && isPermanentStatus(status)) throw new PermanentDeliveryError(message);
          throw new Error(message, { cause: caught });
        }
      } else {
        strapi.log.info(`email (no SENDGRID_API_KEY, logged only): ${payload.template} "${rendered.subject}"`);
        getService(strapi, 'metrics').emails.inc({ transport, outcome: 'sent' });
      }

      // erased while this delivery was under way: the log keeps that it went out, not to whom or what
      const scrubbed = await strapi.db
        .connection(TABLE.outbox)
        .where({ idempotency_key: idempotencyKey })
        .whereRaw(`payload = '{"erased":true}'::jsonb`)
        .first('id');
      if (scrubbed) {
        await strapi.db.query(UID.email).create({
          data: {
            to: 'erased@erased.invalid',
            subject: '(erased)',
            template: payload.template,
            transport,
            providerMessageId,
            idempotencyKey,
            text: null,
            sentAt: new Date(),
          },
        });
        return { transport, providerMessageId };
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
          text: rendered.text
            .replace(/token=[^\s&"'<>]+/g, 'token=[redacted]')
            .replace(/(\/download\/)[^\s?#"'<>]+/g, '$1[redacted]'),
          sentAt: new Date(),
        },
      });
      return { transport, providerMessageId };
    },
  };
};
