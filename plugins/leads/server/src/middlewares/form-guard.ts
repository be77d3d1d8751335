import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getConfig } from '../utils';
import type { RequestContext } from '@magnetiq/plugin-kit/server';

const MAX_FORM_BYTES = 32 * 1024;

/**
 * In front of every public form endpoint: JSON only (a form post from another site cannot send
 * it without CORS preflight), Origin must be one of the site's origins when a browser sends one
 * (CSRF, ASVS 3.5), and small bodies only.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: RequestContext, next: () => Promise<void>) => {
    const origin = ctx.get('Origin');
    if (origin && !getConfig(strapi).siteOrigins.includes(origin)) {
      throw new errors.ForbiddenError('Origin not allowed');
    }
    if (!ctx.is('application/json')) {
      ctx.throw(415, 'Content-Type must be application/json');
    }
    const length = Number(ctx.get('Content-Length') || 0);
    if (length > MAX_FORM_BYTES) {
      throw new errors.PayloadTooLargeError(`Request body is larger than ${MAX_FORM_BYTES} bytes`);
    }
    await next();
  };
