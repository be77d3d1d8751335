import type { Core } from '@strapi/strapi';
import { canonicalPath } from './canonical-path';

/** The admin's unauthenticated account endpoints: each try is a guess at a password or an address. */
const GUARDED = new Set(['/admin/login', '/admin/register-admin', '/admin/forgot-password', '/admin/reset-password']);

/**
 * Strapi's own admin login limit keys on email + path + IP, so an attacker who changes the email
 * on every try is never slowed down (the pattern of CVE-2025-64526). This adds a limit per client
 * IP alone, on the leads core's limiter store (shared through Redis when REDIS_URL is set); the
 * answer is Strapi's 429 RateLimitError with Retry-After. The router also answers `/admin/LOGIN/`,
 * so the check reads the canonical path (canonical-path.ts).
 */
export default (config: { points?: number; durationSeconds?: number }, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method === 'POST' && GUARDED.has(canonicalPath(ctx.path))) {
      try {
        await strapi
          .plugin('leads')
          .service('rate-limit')
          .consumeKey('admin-login', 'ip', ctx.request.ip, {
            points: config.points ?? 20,
            durationSeconds: config.durationSeconds ?? 900,
          });
      } catch (error: any) {
        if (error?.retryAfter) ctx.set('Retry-After', String(error.retryAfter));
        throw error;
      }
    }
    await next();
  };
