import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { canonicalPath } from './canonical-path';

/**
 * Magnetiq has no end-user accounts: editors use the admin, the site reads public content and
 * forms post to our plugins. The users-permissions plugin stays for its Public role, but its
 * public account routes (register, password reset, email confirmation, OAuth connect, login)
 * would only be attack surface, so they answer 404 as if they did not exist. The router matches
 * `/api/Auth/local/register` too, so the check reads the canonical path (canonical-path.ts).
 */
const ACCOUNT_ROUTES = /^\/api\/(auth\/|connect\/)/;

export default (config: { enabled?: boolean }, _context: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (config.enabled !== false && ACCOUNT_ROUTES.test(canonicalPath(ctx.path)))
      throw new errors.NotFoundError('Not Found');
    await next();
  };
