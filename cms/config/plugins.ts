import { requireEnv } from '../src/secrets';
import { uploadConfig } from '../src/config/upload';
import { siteOrigins } from '../src/config/site-origins';

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
      siteOrigins: siteOrigins(env),
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
        // docs/adr/0025: claims in batches, leases renewed by a heartbeat, deliveries in parallel per topic
        batchSize: env.int('OUTBOX_BATCH_SIZE', 50),
        leaseMs: env.int('OUTBOX_LEASE_MS', 6000),
        concurrency: env.int('OUTBOX_CONCURRENCY', 8),
        enabled: env.bool('OUTBOX_WORKER', true),
      },
      retentionDays: env.int('LEADS_RETENTION_DAYS', 90),
      deliveryRetentionDays: env.int('DELIVERY_RETENTION_DAYS', 90),
      deliveryRetentionCron: env('DELIVERY_RETENTION_CRON', '37 3 * * *'),
      shutdownTimeoutMs: env.int('SHUTDOWN_TIMEOUT_MS', 8000),
      localesCacheMs: env.int('LOCALES_CACHE_MS', 30000),
      deprecationDocsUrl: env(
        'API_DEPRECATION_DOCS_URL',
        `${env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`)}/api/docs`,
      ),
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
      // xmlrpc | json2 (Odoo 19+) | auto (docs/odoo.md)
      protocol: env('ODOO_PROTOCOL', 'auto'),
      maxCallsPerSecond: env.float('ODOO_MAX_CALLS_PER_SECOND', 0),
      batchSize: env.int('ODOO_BATCH_SIZE', 100),
      timeoutMs: env.int('ODOO_TIMEOUT_MS', 10000),
      maxAttempts: env.int('ODOO_MAX_ATTEMPTS', 20),
      breaker: {
        errorThresholdPercentage: env.int('ODOO_BREAKER_ERROR_PERCENT', 50),
        volumeThreshold: env.int('ODOO_BREAKER_MIN_CALLS', 10),
        rollingWindowMs: env.int('ODOO_BREAKER_WINDOW_MS', 60000),
        resetTimeoutMs: env.int('ODOO_BREAKER_RESET_MS', 30000),
      },
      waitWhenUnavailableMs: env.int('ODOO_WAIT_WHEN_UNAVAILABLE_MS', 300000),
      // company partners and UTM records from contacts who never confirmed their address (ADR 0014)
      createFromUnconfirmed: env.bool('ODOO_CREATE_FROM_UNCONFIRMED', false),
      eraseMode: env('ODOO_ERASE_MODE', 'anonymise'),
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
      // several instances: a private bucket instead of the folder (the media's S3_* connection; never S3_ACL)
      s3: {
        bucket: env('WHITEPAPERS_S3_BUCKET', ''),
        prefix: env('WHITEPAPERS_S3_PREFIX', 'whitepapers/'),
        region: env('S3_REGION', 'us-east-1'),
        endpoint: env('S3_ENDPOINT', ''),
        accessKeyId: env('S3_ACCESS_KEY_ID', ''),
        secretAccessKey: env('S3_SECRET_ACCESS_KEY', ''),
        forcePathStyle:
          env('S3_FORCE_PATH_STYLE', '') === '' ? Boolean(env('S3_ENDPOINT', '')) : env.bool('S3_FORCE_PATH_STYLE'),
      },
      instantDownload: env.bool('WHITEPAPERS_INSTANT_DOWNLOAD', false),
      publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
      siteUrl: env('SITE_URL', 'http://localhost:4321'),
    },
  },
  webinars: {
    enabled: true,
    resolve: '../plugins/webinars',
    config: {
      // its own secret if set, else the leads one (the plugin derives a key per purpose from it)
      tokenSecret: env('WEBINARS_TOKEN_SECRET', '') || requireEnv('LEADS_TOKEN_SECRET'),
      publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
      siteUrl: env('SITE_URL', 'http://localhost:4321'),
      pagePath: env('WEBINARS_PAGE_PATH', '/{locale}/webinars/{slug}'),
      organizer: {
        name: env('WEBINARS_ORGANIZER_NAME', 'Magnetiq'),
        email: env('WEBINARS_ORGANIZER_EMAIL', 'hello@magnetiq.local'),
      },
      reminderIntervalMs: env.int('WEBINARS_REMINDER_INTERVAL_MS', 60000),
      testClock: env.bool('WEBINARS_TEST_CLOCK', false),
    },
  },
  booking: {
    enabled: true,
    resolve: '../plugins/booking',
    config: {
      tokenSecret: env('BOOKING_TOKEN_SECRET', ''),
      publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
      siteUrl: env('SITE_URL', 'http://localhost:4321'),
      managePath: env('BOOKING_MANAGE_PATH', '/booking/manage'),
      maxRangeDays: env.int('BOOKING_MAX_RANGE_DAYS', 62),
      busyTimeoutMs: env.int('BOOKING_BUSY_TIMEOUT_MS', 800),
      catalogTtlMs: env.int('BOOKING_CATALOG_TTL_MS', 30000),
      slotsCacheMs: env.int('BOOKING_SLOTS_CACHE_MS', 2000),
      reminderHoursBefore: env.int('BOOKING_REMINDER_HOURS', 24),
      organizerName: env('BOOKING_ORGANIZER_NAME', 'Magnetiq'),
      createMeetLinks: env.bool('BOOKING_MEET_LINKS', true),
    },
  },
  'calendar-sync': {
    enabled: true,
    resolve: '../plugins/calendar-sync',
    config: {
      rootUrl: env('GOOGLE_CALENDAR_ROOT_URL', 'https://www.googleapis.com/'),
      tokenUrl: env('GOOGLE_TOKEN_URL', 'https://oauth2.googleapis.com/token'),
      // refresh tokens at rest (AES-256-GCM); the previous key only during a rotation
      tokenKey: requireEnv('CALENDAR_TOKEN_KEY'),
      tokenKeyPrevious: env('CALENDAR_TOKEN_KEY_PREVIOUS', ''),
      serviceAccount: {
        email: env('GOOGLE_SERVICE_ACCOUNT_EMAIL', ''),
        privateKey: env('GOOGLE_SERVICE_ACCOUNT_PRIVATE_KEY', '').replace(/\\n/g, '\n'),
      },
      // "Connect Google Calendar" (docs/google-calendar.md); the endpoints are Google's unless a test points them at a fake
      oauth: {
        clientId: env('GOOGLE_OAUTH_CLIENT_ID', ''),
        clientSecret: env('GOOGLE_OAUTH_CLIENT_SECRET', ''),
        authUrl: env('GOOGLE_OAUTH_AUTH_URL', 'https://accounts.google.com/o/oauth2/v2/auth'),
        revokeUrl: env('GOOGLE_OAUTH_REVOKE_URL', 'https://oauth2.googleapis.com/revoke'),
        redirectUri:
          env('GOOGLE_OAUTH_REDIRECT_URI', '') ||
          `${env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`)}/admin/plugins/calendar-sync/oauth/callback`,
        stateTtlMs: env.int('GOOGLE_OAUTH_STATE_TTL_MS', 600000),
      },
      busyTtlMs: env.int('CALENDAR_BUSY_TTL_MS', 60000),
      busyWindowDays: env.int('CALENDAR_BUSY_WINDOW_DAYS', 62),
      refreshCron: env('CALENDAR_REFRESH_CRON', '*/1 * * * *'),
      requestTimeoutMs: env.int('CALENDAR_REQUEST_TIMEOUT_MS', 10000),
      maxAttempts: env.int('CALENDAR_MAX_ATTEMPTS', 20),
      rateLimitBaseDelayMs: env.int('CALENDAR_RATE_LIMIT_DELAY_MS', 2000),
      notConfiguredDelayMs: env.int('CALENDAR_NOT_CONFIGURED_DELAY_MS', 600000),
    },
  },
  analytics: {
    enabled: true,
    resolve: '../plugins/analytics',
    config: {
      cacheSeconds: env.int('ANALYTICS_CACHE_SECONDS', 60),
    },
  },
  // version history, review stages, releases, content audit log (docs/adr/0026-editorial.md)
  editorial: {
    enabled: true,
    resolve: '../plugins/editorial',
    config: {
      retentionDays: env.int('EDITORIAL_HISTORY_RETENTION_DAYS', 90),
      keepLast: env.int('EDITORIAL_HISTORY_KEEP_LAST', 20),
      pruneCron: env('EDITORIAL_HISTORY_PRUNE_CRON', '41 3 * * *'),
      releasePollMs: env.int('EDITORIAL_RELEASE_POLL_MS', 15000),
      releaseLeaseMs: env.int('EDITORIAL_RELEASE_LEASE_MS', 10 * 60 * 1000),
      adminUrl: `${env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`)}/admin`,
    },
  },
  // issue 21: topics, preference centre, segments, campaigns through SendGrid (docs/adr/0027-newsletter.md)
  newsletter: {
    enabled: true,
    resolve: '../plugins/newsletter',
    config: {
      // its own secret if set, else a key derived from the leads secret for this purpose
      tokenSecret: env('NEWSLETTER_TOKEN_SECRET', ''),
      publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
      siteUrl: env('SITE_URL', 'http://localhost:4321'),
      preferencesPath: env('NEWSLETTER_PREFERENCES_PATH', '/{locale}/newsletter/preferences/'),
      siteName: env('NEWSLETTER_SITE_NAME', 'Magnetiq'),
      physicalAddress: env('NEWSLETTER_POSTAL_ADDRESS', ''),
      sendgrid: {
        apiKey: env('SENDGRID_API_KEY', ''),
        baseUrl: env('SENDGRID_BASE_URL', 'https://api.sendgrid.com'),
        from: env('NEWSLETTER_FROM', '') || env('EMAIL_FROM', 'Magnetiq <hello@magnetiq.local>'),
      },
      webhookPublicKey: env('SENDGRID_WEBHOOK_PUBLIC_KEY', ''),
      webhookToleranceSeconds: env.int('NEWSLETTER_WEBHOOK_TOLERANCE_SECONDS', 600),
      batchSize: env.int('NEWSLETTER_BATCH_SIZE', 1000),
    },
  },
});
