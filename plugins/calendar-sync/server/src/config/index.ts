export interface CalendarSyncConfig {
  /** Calendar API root (https://www.googleapis.com/); a local fake in tests */
  rootUrl: string;
  /** OAuth 2.0 token endpoint (https://oauth2.googleapis.com/token) */
  tokenUrl: string;
  /** service account with domain-wide delegation: it acts as each host (subject = the host's calendar id or the connection's subject) */
  serviceAccount: { email: string; privateKey: string };
  /**
   * OAuth client for hosts who connect their own calendar ("Connect Google Calendar" in the admin):
   * authorization-code flow with PKCE. The endpoints are Google's; tests point them at a fake.
   * `redirectUri` is the admin page that receives Google's answer and must be registered with the
   * client in Google Cloud (docs/google-calendar.md).
   */
  oauth: {
    clientId: string;
    clientSecret: string;
    authUrl: string;
    revokeUrl: string;
    redirectUri: string;
    stateTtlMs: number;
  };
  /** AES-256-GCM key for refresh tokens at rest (CALENDAR_TOKEN_KEY, 32 bytes base64) and the one before a rotation */
  tokenKey: string;
  tokenKeyPrevious: string;
  /** busy times younger than this are answered from the cache */
  busyTtlMs: number;
  /** the cron refresh and a live query fetch this many days ahead, so later requests hit the cache */
  busyWindowDays: number;
  /** when the cache of recently used calendars is refreshed (node-cron syntax); empty = never */
  refreshCron: string;
  /** one HTTP request to Google at most this long */
  requestTimeoutMs: number;
  /** attempts of an event create/patch/delete before dead-letter */
  maxAttempts: number;
  /** first wait after a 429 / 403 rateLimitExceeded; doubles per attempt (max 5 min) */
  rateLimitBaseDelayMs: number;
  /** how long an event waits when no credentials are configured or the calendar must be reconnected */
  notConfiguredDelayMs: number;
}

const defaults: CalendarSyncConfig = {
  rootUrl: 'https://www.googleapis.com/',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  serviceAccount: { email: '', privateKey: '' },
  oauth: {
    clientId: '',
    clientSecret: '',
    authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    revokeUrl: 'https://oauth2.googleapis.com/revoke',
    redirectUri: '',
    stateTtlMs: 10 * 60_000,
  },
  tokenKey: '',
  tokenKeyPrevious: '',
  busyTtlMs: 60_000,
  busyWindowDays: 62,
  refreshCron: '*/1 * * * *',
  requestTimeoutMs: 10_000,
  maxAttempts: 20,
  rateLimitBaseDelayMs: 2_000,
  notConfiguredDelayMs: 10 * 60_000,
};

export default {
  default: defaults,
  validator(config: CalendarSyncConfig) {
    if (!/^https?:\/\//.test(config.rootUrl))
      throw new Error('calendar-sync: rootUrl (GOOGLE_CALENDAR_ROOT_URL) must be an http(s) URL');
    if (!/^https?:\/\//.test(config.tokenUrl))
      throw new Error('calendar-sync: tokenUrl (GOOGLE_TOKEN_URL) must be an http(s) URL');
    if (Boolean(config.serviceAccount.email) !== Boolean(config.serviceAccount.privateKey)) {
      throw new Error(
        'calendar-sync: set both GOOGLE_SERVICE_ACCOUNT_EMAIL and GOOGLE_SERVICE_ACCOUNT_PRIVATE_KEY, or neither',
      );
    }
    if (Boolean(config.oauth.clientId) !== Boolean(config.oauth.clientSecret))
      throw new Error('calendar-sync: set both GOOGLE_OAUTH_CLIENT_ID and GOOGLE_OAUTH_CLIENT_SECRET, or neither');
    for (const [name, url] of [
      ['GOOGLE_OAUTH_AUTH_URL', config.oauth.authUrl],
      ['GOOGLE_OAUTH_REVOKE_URL', config.oauth.revokeUrl],
    ] as const) {
      if (!/^https?:\/\//.test(url)) throw new Error(`calendar-sync: ${name} must be an http(s) URL`);
    }
    if (config.oauth.redirectUri && !/^https?:\/\//.test(config.oauth.redirectUri))
      throw new Error('calendar-sync: GOOGLE_OAUTH_REDIRECT_URI must be an http(s) URL');
    if (!(config.oauth.stateTtlMs >= 60_000))
      throw new Error('calendar-sync: oauth.stateTtlMs must be at least a minute');
    if (!(config.busyTtlMs >= 0) || !(config.maxAttempts >= 1))
      throw new Error('calendar-sync: busyTtlMs must not be negative and maxAttempts at least 1');
  },
};
