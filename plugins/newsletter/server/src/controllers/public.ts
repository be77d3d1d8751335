import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { acceptPublicForm, type RequestContext } from '@magnetiq/plugin-kit/server';
import { verifyEventSignature, webhookPublicKey } from '../domain/signature';
import type { SendGridEvent } from '../domain/events';
import {
  preferencesQuerySchema,
  preferencesSchema,
  signupSchema,
  type PreferencesInput,
  type SignupInput,
} from '../validation/public';
import { getConfig, getService, leads } from '../utils';
import { validateStrict } from '../validation/strict';

/** koa-body keeps the unparsed body here when `includeUnparsed` is on (cms/config/middlewares.ts) */
const UNPARSED = Symbol.for('unparsedBody');

const visitor = (ctx: RequestContext) => ({ ip: ctx.request.ip, userAgent: ctx.get('User-Agent') || undefined });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cachedKey: { source: string; key: ReturnType<typeof webhookPublicKey> } | null = null;
  const publicKey = () => {
    const source = getConfig(strapi).webhookPublicKey;
    if (cachedKey?.source !== source) cachedKey = { source, key: webhookPublicKey(source) };
    return cachedKey.key;
  };

  return {
    /** GET /api/newsletter/topics?locale=en: the lists a visitor can choose on the signup form. */
    async topics(ctx: RequestContext) {
      const locale = await leads(strapi).locales.resolve(ctx.query?.locale, 'locale');
      const topics = await getService(strapi, 'topics').list(locale);
      ctx.body = {
        data: topics.map((topic) => ({ slug: topic.slug, name: topic.name, description: topic.description })),
        meta: { locale },
      };
    },

    /** POST /api/newsletter/subscriptions: the signup form (the leads core's form guard first). */
    async subscribe(ctx: RequestContext) {
      const { input, honeypot } = await acceptPublicForm(ctx, {
        name: 'newsletter',
        rateLimit: leads(strapi).rateLimit.checkRequest,
        validate: (body: unknown) => validateStrict<SignupInput>(strapi, signupSchema, body),
      });
      const locale = await leads(strapi).locales.resolve(input.locale, 'locale');
      // the same answer for a new address, a known one and a bot: the answer never tells which
      if (honeypot) strapi.log.info('newsletter: honeypot filled, signup dropped');
      else await getService(strapi, 'subscriptions').signup({ ...input, locale }, visitor(ctx));
      ctx.status = 201;
      ctx.body = { data: { received: true } };
    },

    /** GET /api/newsletter/preferences?token=: the preference centre's data (reads only). */
    async preferences(ctx: RequestContext) {
      const { token } = await validateStrict<{ token: string }>(strapi, preferencesQuerySchema, {
        token: ctx.query?.token,
      });
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Referrer-Policy', 'no-referrer');
      ctx.body = { data: await getService(strapi, 'subscriptions').read(token), meta: {} };
    },

    /** POST /api/newsletter/preferences: topics, language, unsubscribe from all. */
    async updatePreferences(ctx: RequestContext) {
      await leads(strapi).rateLimit.checkRequest(ctx, 'newsletter-preferences', { ip: ctx.request.ip });
      const input = await validateStrict<PreferencesInput>(strapi, preferencesSchema, ctx.request.body);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await getService(strapi, 'subscriptions').update(input, visitor(ctx)), meta: {} };
    },

    /**
     * POST /api/newsletter/unsubscribe?token= (RFC 8058): a mail client's one-click unsubscribe,
     * `List-Unsubscribe=One-Click` as a form body. No GET route: a link scanner unsubscribes nobody.
     */
    async unsubscribe(ctx: RequestContext) {
      const token = ctx.query?.token;
      if (typeof token !== 'string' || token.length === 0 || token.length > 1024)
        throw new errors.ValidationError('token is required', {
          errors: [
            { path: ['token'], message: 'token is required', name: 'ValidationError', value: null, code: 'required' },
          ],
        });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await getService(strapi, 'subscriptions').oneClick(token), meta: {} };
    },

    /** POST /api/newsletter/sendgrid/events: SendGrid's Signed Event Webhook. */
    async events(ctx: RequestContext) {
      const body = ctx.request.body as Record<symbol, unknown> | unknown[] | undefined;
      const raw = body && typeof body === 'object' ? (body as Record<symbol, unknown>)[UNPARSED] : undefined;
      const verdict = verifyEventSignature({
        publicKey: publicKey(),
        signature: ctx.get('X-Twilio-Email-Event-Webhook-Signature') || undefined,
        timestamp: ctx.get('X-Twilio-Email-Event-Webhook-Timestamp') || undefined,
        rawBody: typeof raw === 'string' || Buffer.isBuffer(raw) ? raw : undefined,
        now: new Date(),
        toleranceSeconds: getConfig(strapi).webhookToleranceSeconds,
      });
      if (!verdict.ok) {
        strapi.log.warn(`newsletter: SendGrid webhook refused (${verdict.reason})`);
        throw new errors.UnauthorizedError('Invalid or missing webhook signature');
      }
      if (!Array.isArray(body))
        throw new errors.ValidationError('The body must be an array of events', {
          errors: [
            {
              path: [],
              message: 'expected an array of events',
              name: 'ValidationError',
              value: null,
              code: 'invalid_type',
            },
          ],
        });
      const result = await getService(strapi, 'webhook').apply(body as SendGridEvent[]);
      ctx.body = { data: result, meta: {} };
    },
  };
};
