export interface WebinarsConfig {
  /** HMAC secret of the self-service links (WEBINARS_TOKEN_SECRET, else LEADS_TOKEN_SECRET), ≥ 16 characters */
  tokenSecret: string;
  /** the CMS as visitors reach it, for links in emails (cancel, .ics) */
  publicUrl: string;
  /** the site */
  siteUrl: string;
  /** the webinar's page on the site; {locale} and {slug} are replaced */
  pagePath: string;
  /** ORGANIZER of the calendar files */
  organizer: { name: string; email: string };
  /** how often the reminder job looks for due reminders; 0 = no job (another instance runs it) */
  reminderIntervalMs: number;
  /**
   * Tests only: the admin route that runs the reminder job accepts a `now`. Refused by the
   * validator when NODE_ENV is production, so no production admin can send reminders early.
   */
  testClock: boolean;
}

const defaults: WebinarsConfig = {
  tokenSecret: '',
  publicUrl: 'http://localhost:1337',
  siteUrl: 'http://localhost:4321',
  pagePath: '/{locale}/webinars/{slug}',
  organizer: { name: 'Magnetiq', email: 'hello@magnetiq.local' },
  reminderIntervalMs: 60_000,
  testClock: false,
};

export default {
  default: defaults,
  validator(config: WebinarsConfig) {
    if (!config.tokenSecret || config.tokenSecret.length < 16) {
      throw new Error(
        'webinars: tokenSecret (WEBINARS_TOKEN_SECRET or LEADS_TOKEN_SECRET) must be set to at least 16 characters',
      );
    }
    if (!(config.reminderIntervalMs >= 0)) throw new Error('webinars: reminderIntervalMs must be 0 or positive');
    if (config.testClock && process.env.NODE_ENV === 'production')
      throw new Error('webinars: testClock (WEBINARS_TEST_CLOCK) must not be set in production');
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(config.organizer?.email ?? ''))
      throw new Error('webinars: organizer.email must be an email address');
  },
};
