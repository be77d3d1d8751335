import type { Core } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';
import { getConfig, getService } from '../utils';
import { strictValidator } from '../validation/strict';
import { withRateLimitHeader } from './submissions';
import type { RequestContext } from '@magnetiq/plugin-kit/server';

const MESSAGES: Record<string, string> = {
  expired: 'This link has expired. Submit the form again to get a new one.',
  'bad-signature': 'This link is not valid.',
  malformed: 'This link is not valid.',
  'wrong-purpose': 'This link is not valid.',
  unknown: 'This link is not valid.',
};

/** The site's page with the one button, per link (site/src/pages/[lang]/<page>.astro). */
const ACTION_PAGES = { confirm: 'confirm-subscription', unsubscribe: 'unsubscribe' } as const;
const DONE = { confirm: 'subscription-confirmed', unsubscribe: 'unsubscribed' } as const;

export const tokenBodySchema = yup
  .object({ token: yup.string().required().max(2048) })
  .noUnknown()
  .required();
const validateTokenBody = strictValidator<{ token: string }>(tokenBodySchema);

type Outcome = { ok: true; language: string } | { ok: false; reason: string };

/**
 * Links in emails (double opt-in, unsubscribe). Mail scanners open every link, so a GET never
 * acts (issue 17): a browser is sent to the site's page, which asks for one click and POSTs the
 * token; a JSON client learns whether the link is good. POST acts. RFC 8058 one-click
 * unsubscribe (List-Unsubscribe-Post) is that POST, with the token in the query string.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const wantsJson = (ctx: RequestContext) => ctx.accepts('html', 'json') === 'json';

  const invalid = (ctx: RequestContext, reason: string) => {
    if (wantsJson(ctx) || ctx.method === 'POST')
      throw new errors.ValidationError(MESSAGES[reason] ?? MESSAGES.malformed, { reason });
    ctx.redirect(`${getConfig(strapi).siteUrl}/en/link-invalid/?reason=${encodeURIComponent(reason)}`);
  };

  /** GET: look, do not touch. */
  const show = async (ctx: RequestContext, action: keyof typeof ACTION_PAGES) => {
    await limit(ctx);
    const token = tokenFrom(ctx.query.token);
    const outcome: Outcome = await getService(strapi, 'contacts').checkLink(token, action);
    if (!outcome.ok) return invalid(ctx, outcome.reason);
    if (wantsJson(ctx)) {
      ctx.body = { data: { status: 'pending', method: 'POST' } };
      return;
    }
    ctx.redirect(
      `${getConfig(strapi).siteUrl}/${outcome.language}/${ACTION_PAGES[action]}/?token=${encodeURIComponent(token)}`,
    );
  };

  const done = (ctx: RequestContext, outcome: Outcome, action: keyof typeof DONE) => {
    if (!outcome.ok) return invalid(ctx, outcome.reason);
    ctx.body = { data: { status: DONE[action], language: outcome.language } };
  };

  // Links are clicked by people (and mail scanners), a few per email: a generous per-IP budget
  // still stops anyone from trying tokens in bulk.
  const limit = (ctx: RequestContext) =>
    withRateLimitHeader(ctx, () =>
      getService(strapi, 'rate-limit').check('email-links', { ip: ctx.request.ip }, { ipPointsFactor: 6 }),
    );

  const tokenFrom = (token: unknown) => {
    if (typeof token !== 'string' || token.length === 0 || token.length > 2048) {
      throw new errors.ValidationError('token is required', { reason: 'malformed' });
    }
    return token;
  };

  return {
    /** GET /api/leads/confirm?token=: the old emails' link; sends the browser to the site's page. */
    async confirmPage(ctx: RequestContext) {
      await show(ctx, 'confirm');
    },

    /** POST /api/leads/confirm { token }: the site page's button. Double opt-in happens here only. */
    async confirm(ctx: RequestContext) {
      await limit(ctx);
      const { token } = await validateTokenBody(ctx.request.body ?? {});
      const outcome = await getService(strapi, 'contacts').confirm(token, {
        ip: ctx.request.ip,
        userAgent: ctx.get('User-Agent'),
      });
      done(ctx, outcome, 'confirm');
    },

    /** GET /api/leads/unsubscribe?token=: the List-Unsubscribe link opened in a browser. */
    async unsubscribePage(ctx: RequestContext) {
      await show(ctx, 'unsubscribe');
    },

    /**
     * POST /api/leads/unsubscribe: RFC 8058 one-click (form body "List-Unsubscribe=One-Click",
     * token in the query string) or the site page's button (JSON { token }).
     */
    async unsubscribe(ctx: RequestContext) {
      await limit(ctx);
      const fromQuery = ctx.query.token;
      const token =
        fromQuery !== undefined
          ? tokenFrom(fromQuery)
          : (await validateTokenBody(ctx.is('application/json') ? (ctx.request.body ?? {}) : {})).token;
      const outcome = await getService(strapi, 'contacts').unsubscribe(token);
      done(ctx, outcome, 'unsubscribe');
    },
  };
};
