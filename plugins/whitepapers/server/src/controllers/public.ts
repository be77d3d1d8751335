import type { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { acceptPublicForm, type RequestContext, SLUG_PATTERN } from '@magnetiq/plugin-kit/server';
import { contentDisposition } from '../domain/pdf';
import { linkProblemPage } from '../domain/pages';
import { requestValidator } from '../validation/request';
import { getService, leads } from '../utils';

/** one of the configured locales (the default when missing), else a 400 */
const localeOf = (strapi: Core.Strapi, ctx: RequestContext): Promise<string> =>
  leads(strapi).locales.resolve(ctx.query?.locale);

const slugOf = (ctx: RequestContext) => {
  const slug = ctx.params.slug;
  if (typeof slug !== 'string' || slug.length > 200 || !SLUG_PATTERN.test(slug))
    throw new errors.NotFoundError('Whitepaper not found');
  return slug;
};

const sendPdf = (ctx: RequestContext, file: { body: Readable; fileName: string; size: number }) => {
  ctx.status = 200;
  ctx.set('Content-Type', 'application/pdf');
  ctx.set('Content-Disposition', contentDisposition(file.fileName));
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.length = file.size;
  ctx.body = file.body;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/whitepapers/papers?locale=en */
  async list(ctx: RequestContext) {
    ctx.body = { data: await getService(strapi, 'papers').list(await localeOf(strapi, ctx)), meta: {} };
  },

  /** GET /api/whitepapers/papers/:slug?locale=en */
  async detail(ctx: RequestContext) {
    const papers = getService(strapi, 'papers');
    const entry = await papers.bySlug(slugOf(ctx), await localeOf(strapi, ctx));
    if (!entry) throw new errors.NotFoundError('Whitepaper not found');
    ctx.body = { data: papers.toPublic(entry), meta: {} };
  },

  /** GET /api/whitepapers/papers/:slug/file: papers that are not gated, straight away. */
  async openFile(ctx: RequestContext) {
    const papers = getService(strapi, 'papers');
    const entry = await papers.bySlug(slugOf(ctx), await localeOf(strapi, ctx));
    if (!entry) throw new errors.NotFoundError('Whitepaper not found');
    if (entry.gated !== false)
      throw new errors.ForbiddenError('This whitepaper is sent by email: request it with the form');
    const file = await papers.storedFile(entry.documentId);
    if (!file) throw new errors.NotFoundError('Whitepaper not found');
    sendPdf(ctx, file);
  },

  /** POST /api/whitepapers/requests: the whitepaper form. */
  async request(ctx: RequestContext) {
    const { input, honeypot } = await acceptPublicForm(ctx, {
      name: 'whitepaper',
      rateLimit: leads(strapi).rateLimit.checkRequest,
      validate: requestValidator(leads(strapi).forms.strictValidator),
    });
    input.locale = await leads(strapi).locales.resolve(input.locale);

    // The same answer for a new email, a known one and a bot caught by the honeypot.
    if (honeypot) {
      strapi.log.info('whitepapers: honeypot filled, request dropped');
      ctx.status = 201;
      ctx.body = { data: { received: true } };
      return;
    }
    const result = await getService(strapi, 'requests').request(input, {
      ip: ctx.request.ip,
      userAgent: ctx.get('User-Agent'),
    });
    ctx.status = 201;
    ctx.body = { data: { received: true, ...(result.downloadUrl ? { downloadUrl: result.downloadUrl } : {}) } };
  },

  /** GET /api/whitepapers/download/:token: the link from the email. */
  async download(ctx: RequestContext) {
    const downloads = getService(strapi, 'downloads');
    const result = await downloads.open(String(ctx.params.token ?? ''));
    if (result.ok) {
      sendPdf(ctx, result.file);
      return;
    }
    const status = result.problem === 'invalid' ? 403 : 410;
    const message =
      result.problem === 'expired'
        ? 'This download link has expired'
        : result.problem === 'invalid'
          ? 'This download link is not valid'
          : 'This whitepaper is no longer available';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    if (ctx.accepts('json', 'html') === 'html') {
      const { url, locale } = await downloads.requestPageUrl(result.whitepaper);
      ctx.status = status;
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = linkProblemPage(result.problem === 'invalid' ? 'invalid' : 'expired', { locale, requestUrl: url });
      return;
    }
    if (status === 403) throw new errors.ForbiddenError(message);
    // an error of the http-errors copy @strapi/utils uses, which Strapi's error middleware formats
    throw createHttpError(410, message);
  },
});
