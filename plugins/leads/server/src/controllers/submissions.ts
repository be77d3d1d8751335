import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { acceptPublicForm, leadFormInput, type RequestContext } from '@magnetiq/plugin-kit/server';
import { normaliseEmail } from '../domain/email-address';
import { retryAfterOf } from '../services/rate-limit';
import { validateContactSubmission } from '../validation/submission';
import { getService } from '../utils';

/** Sets Retry-After on a 429 before Strapi's error middleware formats the error. */
export async function withRateLimitHeader<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof errors.RateLimitError) ctx.set('Retry-After', String(retryAfterOf(error)));
    throw error;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/leads/submissions: the site's contact form. */
  async create(ctx: RequestContext) {
    const { input: body, honeypot } = await acceptPublicForm(ctx, {
      name: 'contact-form',
      rateLimit: getService(strapi, 'rate-limit').checkRequest,
      validate: validateContactSubmission,
      normaliseEmail,
    });
    if (body.language !== undefined) getService(strapi, 'deprecations').mark(ctx, 'language', 'locale');
    const locale = await getService(strapi, 'locales').resolve(
      body.locale ?? body.language,
      body.locale === undefined && body.language !== undefined ? 'language' : 'locale',
    );

    // The same answer whether the email is new, known, or the honeypot caught a bot.
    ctx.status = 201;
    ctx.body = { data: { received: true } };
    if (honeypot) {
      strapi.log.info('leads: honeypot filled, submission dropped');
      return;
    }
    await getService(strapi, 'capture').captureLead(
      {
        ...leadFormInput(body),
        language: locale,
        source: 'contact-form',
        activity: { type: 'contact-form', title: 'Contact form' },
        message: body.message,
      },
      { ip: ctx.request.ip, userAgent: ctx.get('User-Agent'), sendReceipt: true },
    );
  },
});
