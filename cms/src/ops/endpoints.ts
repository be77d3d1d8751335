import { timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const DATABASE_TIMEOUT_MS = 2000;

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Only states, never URLs with credentials, keys, user names or error texts that could carry them. */
export async function readiness(strapi: Core.Strapi) {
  const started = Date.now();
  let database: { status: 'ok' | 'down'; latencyMs?: number; error?: string };
  try {
    await withTimeout(strapi.db.connection.raw('select 1'), DATABASE_TIMEOUT_MS);
    database = { status: 'ok', latencyMs: Date.now() - started };
  } catch (error) {
    database = { status: 'down', error: (error as Error).message.includes('no answer') ? 'timeout' : 'unreachable' };
  }

  const leads = strapi.plugin('leads');
  const outbox =
    database.status === 'ok'
      ? await leads
          .service('outbox')
          .backlog()
          .catch(() => null)
      : null;
  const sendgrid = {
    configured: Boolean((strapi.config.get('plugin::leads') as any)?.sendgrid?.apiKey),
    transport: (strapi.config.get('plugin::leads') as any)?.sendgrid?.apiKey ? 'sendgrid' : 'log',
  };

  const odooClient = strapi.plugin('odoo-sync')?.service('client');
  const odooStatus = odooClient?.status();
  const odoo = odooStatus
    ? {
        configured: odooStatus.configured,
        state: !odooStatus.configured
          ? 'not-configured'
          : odooStatus.credentialsRejectedAt
            ? 'credentials-rejected'
            : odooStatus.circuit === 'open'
              ? 'unreachable'
              : odooStatus.circuit === 'half-open'
                ? 'recovering'
                : 'ok',
        unreachableSince: odooStatus.unreachableSince,
      }
    : undefined;

  // plugins that talk to a third party may expose service('health').status() → { configured, state, ... }
  const google = await Promise.resolve(strapi.plugin('calendar-sync')?.service('health')?.status?.()).catch(() => ({
    state: 'unknown',
  }));
  const rateLimits = leads.service('rate-limit').store();

  const ready = database.status === 'ok';
  return {
    status: ready ? 200 : 503,
    body: {
      status: ready ? 'ready' : 'unavailable',
      checks: { database, outbox: outbox ?? { status: 'unknown' } },
      integrations: { sendgrid, ...(odoo ? { odoo } : {}), ...(google ? { google } : {}), rateLimits },
    },
  };
}

/**
 * `/_ready` (public, for load balancers: 200 while the database answers, 503 otherwise, with the
 * outbox backlog and each integration's state) and `/metrics` (Prometheus text format, only with
 * `Authorization: Bearer $METRICS_TOKEN`; without a configured token it does not exist).
 */
export function registerOpsEndpoints(strapi: Core.Strapi) {
  const router = strapi.server.router;
  router.get('/_ready', async (ctx: any) => {
    const { status, body } = await readiness(strapi);
    ctx.status = status;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });

  router.get('/metrics', async (ctx: any) => {
    const token = process.env.METRICS_TOKEN ?? '';
    if (!token) {
      ctx.status = 404;
      ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } };
      return;
    }
    const header = ctx.get('Authorization');
    if (!header.startsWith('Bearer ') || !sameSecret(header.slice(7), token)) {
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
      ctx.body = {
        data: null,
        error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid metrics token', details: {} },
      };
      return;
    }
    const { contentType, body } = await strapi.plugin('leads').service('metrics').render();
    ctx.set('Content-Type', contentType);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });
}
