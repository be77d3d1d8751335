import type { Core } from '@strapi/strapi';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { TABLE } from '../utils';

/**
 * The one Prometheus registry of the CMS process. The leads core owns it because every plugin
 * already depends on the core: plugins record their own series through it
 * (`strapi.plugin('leads').service('metrics')`), the app exposes it at `/metrics`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'magnetiq_process_' });

  const httpDuration = new Histogram({
    name: 'magnetiq_http_request_duration_seconds',
    help: 'HTTP request duration by method, matched route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // Read from the table on every scrape: the truth is in the database, shared by all instances.
  new Gauge({
    name: 'magnetiq_outbox_messages',
    help: 'Outbox rows by topic and status (pending, processing, dead, parked = waiting for its receiver to be configured; done rows are counted by magnetiq_outbox_deliveries_total)',
    labelNames: ['topic', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await strapi.db
        .connection(TABLE.outbox)
        .select('topic', 'status')
        .count('* as count')
        .whereIn('status', ['pending', 'processing', 'dead', 'parked'])
        .groupBy('topic', 'status');
      for (const row of rows as Array<{ topic: string; status: string; count: string }>)
        this.set({ topic: row.topic, status: row.status }, Number(row.count));
    },
  });

  new Gauge({
    name: 'magnetiq_outbox_oldest_pending_seconds',
    help: 'Age of the oldest due pending outbox row (0 when none): the delivery backlog lag',
    registers: [registry],
    async collect() {
      const row = await strapi.db
        .connection(TABLE.outbox)
        .where({ status: 'pending' })
        .andWhere('next_attempt_at', '<=', new Date())
        .min('created_at as oldest')
        .first();
      this.set(row?.oldest ? Math.max(0, (Date.now() - new Date(row.oldest).getTime()) / 1000) : 0);
    },
  });

  const deliveries = new Counter({
    name: 'magnetiq_outbox_deliveries_total',
    help: 'Outbox delivery attempts by topic and outcome (done, retry, dead, deferred)',
    labelNames: ['topic', 'outcome'],
    registers: [registry],
  });

  const deliveryLatency = new Histogram({
    name: 'magnetiq_outbox_delivery_latency_seconds',
    help: 'Time from an outbox row being written to its successful delivery, by topic',
    labelNames: ['topic'],
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600],
    registers: [registry],
  });

  const emails = new Counter({
    name: 'magnetiq_emails_total',
    help: 'Emails by transport (sendgrid, log) and outcome (sent, failed)',
    labelNames: ['transport', 'outcome'],
    registers: [registry],
  });

  const rateLimited = new Counter({
    name: 'magnetiq_rate_limit_rejections_total',
    help: 'Requests rejected with 429 by our rate limits, by form and key kind (ip, email)',
    labelNames: ['form', 'key'],
    registers: [registry],
  });

  const externalCalls = new Histogram({
    name: 'magnetiq_external_call_duration_seconds',
    help: 'Calls to third parties (odoo, google, sendgrid) by operation and outcome (ok, error)',
    labelNames: ['service', 'operation', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  const cronRuns = new Counter({
    name: 'magnetiq_cron_runs_total',
    help: 'Cron ticks by job and outcome on this instance (ran; skipped = another instance ran this tick)',
    labelNames: ['job', 'outcome'],
    registers: [registry],
  });

  return {
    registry,
    httpDuration,
    cronRuns,
    deliveries,
    deliveryLatency,
    emails,
    rateLimited,
    externalCalls,

    /** Times one call to a third party; errors are counted and rethrown. */
    async timeExternal<T>(service: string, operation: string, call: () => Promise<T>): Promise<T> {
      const end = externalCalls.startTimer({ service, operation });
      try {
        const result = await call();
        end({ outcome: 'ok' });
        return result;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      }
    },

    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
};
