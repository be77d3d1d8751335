import { requireEnv } from '../src/secrets';
import { uploadConfig } from '../src/config/upload';

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: { jwtSecret: requireEnv('JWT_SECRET') },
  },
  upload: uploadConfig(env),
  leads: {
    enabled: true,
    resolve: '../plugins/leads',
    config: {
      tokenSecret: requireEnv('LEADS_TOKEN_SECRET'),
      publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
      siteUrl: env('SITE_URL', 'http://localhost:4321'),
      siteOrigins: env.array('CORS_ORIGINS', ['http://localhost:4321']),
      sendgrid: {
        apiKey: env('SENDGRID_API_KEY', ''),
        baseUrl: env('SENDGRID_BASE_URL', 'https://api.sendgrid.com'),
        from: env('EMAIL_FROM', 'Magnetiq <hello@magnetiq.local>'),
        salesNotify: env('SALES_NOTIFY_EMAIL', ''),
      },
      rateLimit: {
        perIpPoints: env.int('LEADS_RATE_LIMIT_IP', 10),
        perEmailPoints: env.int('LEADS_RATE_LIMIT_EMAIL', 5),
        durationSeconds: env.int('LEADS_RATE_LIMIT_WINDOW', 600),
        redisUrl: env('REDIS_URL', ''),
        redisPrefix: env('REDIS_PREFIX', 'magnetiq'),
      },
      outbox: {
        pollMs: env.int('OUTBOX_POLL_MS', 2000),
        maxAttempts: env.int('OUTBOX_MAX_ATTEMPTS', 8),
        baseDelayMs: env.int('OUTBOX_BASE_DELAY_MS', 30000),
        maxDelayMs: env.int('OUTBOX_MAX_DELAY_MS', 6 * 3600 * 1000),
        processingTimeoutMs: env.int('OUTBOX_PROCESSING_TIMEOUT_MS', 5 * 60 * 1000),
        enabled: env.bool('OUTBOX_WORKER', true),
      },
      retentionDays: env.int('LEADS_RETENTION_DAYS', 90),
    },
  },
  'odoo-sync': {
    enabled: true,
    resolve: '../plugins/odoo-sync',
    config: {
      url: env('ODOO_URL', ''),
      db: env('ODOO_DB', ''),
      username: env('ODOO_USERNAME', ''),
      apiKey: env('ODOO_API_KEY', ''),
      timeoutMs: env.int('ODOO_TIMEOUT_MS', 10000),
      maxAttempts: env.int('ODOO_MAX_ATTEMPTS', 20),
      breaker: {
        errorThresholdPercentage: env.int('ODOO_BREAKER_ERROR_PERCENT', 50),
        volumeThreshold: env.int('ODOO_BREAKER_MIN_CALLS', 10),
        rollingWindowMs: env.int('ODOO_BREAKER_WINDOW_MS', 60000),
        resetTimeoutMs: env.int('ODOO_BREAKER_RESET_MS', 30000),
      },
      waitWhenUnavailableMs: env.int('ODOO_WAIT_WHEN_UNAVAILABLE_MS', 300000),
      stageReadBack: {
        enabled: env.bool('ODOO_STAGE_READBACK', true),
        cron: env('ODOO_STAGE_READBACK_CRON', '*/15 * * * *'),
        batchSize: env.int('ODOO_STAGE_READBACK_BATCH', 200),
        qualifiedProbability: env.float('ODOO_QUALIFIED_PROBABILITY', 50),
        qualifiedStages: env.array('ODOO_QUALIFIED_STAGES', ['Qualified', 'Proposition']),
      },
    },
  },
  whitepapers: {
    enabled: true,
    resolve: '../plugins/whitepapers',
    config: {
      tokenSecret: requireEnv('WHITEPAPERS_TOKEN_SECRET'),
      linkTtlHours: env.int('WHITEPAPERS_LINK_TTL_HOURS', 72),
      filesDir: env('WHITEPAPERS_FILES_DIR', ''),
      maxFileBytes: env.int('WHITEPAPERS_MAX_FILE_BYTES', 50 * 1024 * 1024),
      instantDownload: env.bool('WHITEPAPERS_INSTANT_DOWNLOAD', false),
      publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
      siteUrl: env('SITE_URL', 'http://localhost:4321'),
    },
  },
  analytics: {
    enabled: true,
    resolve: '../plugins/analytics',
    config: {
      cacheSeconds: env.int('ANALYTICS_CACHE_SECONDS', 60),
    },
  },
});
