import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getConfig, getService } from '../utils';
import { withRateLimitHeader } from './submissions';

const MESSAGES: Record<string, string> = {
  expired: 'This link has expired. Submit the form again to get a new one.',
  'bad-signature': 'This link is not valid.',
  malformed: 'This link is not valid.',
  'wrong-purpose': 'This link is not valid.',
  unknown: 'This link is not valid.',
};

/**
 * Links clicked in emails. A browser is sent to the site's page for the outcome; a client that
 * asks for JSON gets Strapi's format (400 with the reason for bad links).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const respond = (ctx: any, outcome: { ok: true; language: string } | { ok: false; reason: string }, page: string) => {
    const { siteUrl } = getConfig(strapi);
    const wantsJson = ctx.accepts('html', 'json') === 'json';
    if (outcome.ok) {
      if (wantsJson) {
        ctx.body = { data: { status: page } };
        return;
      }
      ctx.redirect(`${siteUrl}/${outcome.language}/${page}/`);
      return;
    }
    if (wantsJson) throw new errors.ValidationError(MESSAGES[outcome.reason] ?? MESSAGES.malformed, { reason: outcome.reason });
    ctx.redirect(`${siteUrl}/en/link-invalid/?reason=${encodeURIComponent(outcome.reason)}`);
  };

  // Links are clicked by people (and mail scanners), a few per email: a generous per-IP budget
  // still stops anyone from trying tokens in bulk.
  const limit = (ctx: any) => withRateLimitHeader(ctx, () => getService(strapi, 'rate-limit').check('email-links', { ip: ctx.request.ip }, { ipPointsFactor: 6 }));

  const tokenFrom = (ctx: any) => {
    const token = ctx.query.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > 2048) {
      throw new errors.ValidationError('token is required', { reason: 'malformed' });
    }
    return token;
  };

  return {
    /** GET /api/leads/confirm?token=: double opt-in. */
    async confirm(ctx: any) {
      await limit(ctx);
      const outcome = await getService(strapi, 'contacts').confirm(tokenFrom(ctx), { ip: ctx.request.ip, userAgent: ctx.get('User-Agent') });
      respond(ctx, outcome, 'subscription-confirmed');
    },

    /** GET or POST (RFC 8058 one-click) /api/leads/unsubscribe?token=. */
    async unsubscribe(ctx: any) {
      await limit(ctx);
      const outcome = await getService(strapi, 'contacts').unsubscribe(tokenFrom(ctx));
      if (ctx.method === 'POST' && outcome.ok) {
        ctx.body = { data: { status: 'unsubscribed' } };
        return;
      }
      respond(ctx, outcome, 'unsubscribed');
    },
  };
};
