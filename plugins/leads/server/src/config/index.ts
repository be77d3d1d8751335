export interface LeadsConfig {
  tokenSecret: string;
  publicUrl: string;
  siteUrl: string;
  siteOrigins: string[];
  siteName: string;
  confirmationTtlHours: number;
  sendgrid: { apiKey: string; baseUrl: string; from: string; salesNotify: string };
  rateLimit: {
    perIpPoints: number;
    perEmailPoints: number;
    durationSeconds: number;
    /** shared limits across CMS instances (REDIS_URL); in memory per instance when empty */
    redisUrl: string;
    /** key prefix in Redis, so several deployments (or test runs) can share one server */
    redisPrefix: string;
  };
  outbox: {
    pollMs: number;
    batchSize: number;
    maxAttempts: number;
    baseDelayMs: number;
    maxDelayMs: number;
    processingTimeoutMs: number;
    /** a claim's lease: an instance that stops renewing it (dead) loses its rows after this */
    leaseMs: number;
    /** emails in flight at once on one instance (other topics: what their handler sets, default 1) */
    concurrency: number;
    enabled: boolean;
  };
  retentionDays: number;
  /** finished deliveries (done outbox rows) and the email log are deleted after this many days */
  deliveryRetentionDays: number;
  /** when the delivery retention job runs (node-cron, seconds optional) */
  deliveryRetentionCron: string;
  /** SIGTERM: how long requests in flight and the outbox delivery in progress may take to finish */
  shutdownTimeoutMs: number;
  /** how long an instance keeps the configured locales before reading them again (docs/adr/0022) */
  localesCacheMs: number;
  /** where the `Link: rel="deprecation"` of answers to old parameter names points */
  deprecationDocsUrl: string;
}

const defaults: LeadsConfig = {
  tokenSecret: '',
  publicUrl: 'http://localhost:1337',
  siteUrl: 'http://localhost:4321',
  siteOrigins: ['http://localhost:4321'],
  siteName: 'Magnetiq',
  confirmationTtlHours: 24 * 7,
  sendgrid: {
    apiKey: '',
    baseUrl: 'https://api.sendgrid.com',
    from: 'Magnetiq <hello@magnetiq.local>',
    salesNotify: '',
  },
  rateLimit: { perIpPoints: 10, perEmailPoints: 5, durationSeconds: 600, redisUrl: '', redisPrefix: 'magnetiq' },
  outbox: {
    pollMs: 2000,
    batchSize: 50,
    maxAttempts: 8,
    baseDelayMs: 30_000,
    maxDelayMs: 6 * 3600 * 1000,
    processingTimeoutMs: 5 * 60 * 1000,
    leaseMs: 6000,
    concurrency: 8,
    enabled: true,
  },
  retentionDays: 90,
  deliveryRetentionDays: 90,
  deliveryRetentionCron: '37 3 * * *',
  shutdownTimeoutMs: 8000,
  localesCacheMs: 30_000,
  deprecationDocsUrl: 'http://localhost:1337/api/docs',
};

export default {
  default: defaults,
  validator(config: LeadsConfig) {
    if (!config.tokenSecret || config.tokenSecret.length < 16) {
      throw new Error('leads: tokenSecret (LEADS_TOKEN_SECRET) must be set to at least 16 characters');
    }
    if (!(config.deliveryRetentionDays >= 1))
      throw new Error('leads: deliveryRetentionDays (DELIVERY_RETENTION_DAYS) must be at least 1 day');
    if (config.outbox.maxAttempts < 1) throw new Error('leads: outbox.maxAttempts must be at least 1');
    if (!(config.outbox.leaseMs >= 1000))
      throw new Error('leads: outbox.leaseMs (OUTBOX_LEASE_MS) must be at least 1000');
    if (!(config.outbox.concurrency >= 1) || !(config.outbox.batchSize >= 1))
      throw new Error('leads: OUTBOX_CONCURRENCY and OUTBOX_BATCH_SIZE must be at least 1');
    if (config.rateLimit.perIpPoints < 1 || config.rateLimit.perEmailPoints < 1) {
      throw new Error('leads: rate limits must allow at least one request');
    }
    if (config.rateLimit.redisUrl && !/^rediss?:\/\//.test(config.rateLimit.redisUrl)) {
      throw new Error('leads: REDIS_URL must be a redis:// or rediss:// URL');
    }
  },
};
