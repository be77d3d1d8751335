import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { maskIp } from '../ops/redact';

/** A caller's id is kept when it is a plain token (a proxy's or a client's); anything else is replaced. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * First in the chain (it replaces `strapi::logger`): gives every request an id (from
 * `X-Request-Id` or a new UUID), returns it in the response, and after the request writes one
 * JSON access-log line and the duration histogram. The route label is the matched route's
 * template (`/api/whitepapers/download/:token`), never the raw URL: bounded label cardinality,
 * and no token or query string ever reaches the log. The logger adds `requestId` to every line
 * written while the request runs (config/logger.ts reads it from Strapi's request context).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    const incoming = ctx.get('X-Request-Id');
    const requestId = VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // an error thrown past the error middleware still ends as its status (or 500)
      const status = ctx.status;
      const route = routeLabel(ctx);
      strapi
        .plugin('leads')
        ?.service('metrics')
        ?.httpDuration.observe({ method: ctx.method, route, status: String(status) }, seconds);
      strapi.log.http(`${ctx.method} ${route} ${status} ${Math.round(seconds * 1000)} ms`, {
        type: 'access',
        method: ctx.method,
        route,
        status,
        durationMs: Math.round(seconds * 1000 * 10) / 10,
        ip: maskIp(ctx.request.ip),
      });
    }
  };

export function routeLabel(ctx: { _matchedRoute?: unknown; path: string }): string {
  if (typeof ctx._matchedRoute === 'string') return ctx._matchedRoute;
  const path = ctx.path;
  if (path === '/_health' || path === '/_ready' || path === '/metrics') return path;
  if (path.startsWith('/uploads/')) return '/uploads/*';
  if (path === '/admin' || path.startsWith('/admin/')) return '/admin/*';
  return 'unmatched';
}
