export interface NewsletterConfig {
  /** HMAC secret of preference and unsubscribe links; empty = derived from the leads secret */
  tokenSecret: string;
  /** the CMS as mail clients reach it (the one-click unsubscribe endpoint) */
  publicUrl: string;
  /** the site (preference centre page) */
  siteUrl: string;
  /** the preference centre on the site; {locale} is replaced */
  preferencesPath: string;
  siteName: string;
  /** the postal address every campaign carries (CAN-SPAM, UWG); the admin settings override it */
  physicalAddress: string;
  sendgrid: { apiKey: string; baseUrl: string; from: string };
  /** SendGrid's Signed Event Webhook verification key (base64 DER or PEM); empty = the webhook refuses everything */
  webhookPublicKey: string;
  /** seconds a signed webhook request stays acceptable (replay window) */
  webhookToleranceSeconds: number;
  /** recipients per SendGrid call, at most 1,000 */
  batchSize: number;
}

const defaults: NewsletterConfig = {
  tokenSecret: '',
  publicUrl: 'http://localhost:1337',
  siteUrl: 'http://localhost:4321',
  preferencesPath: '/{locale}/newsletter/preferences/',
  siteName: 'Magnetiq',
  physicalAddress: '',
  sendgrid: { apiKey: '', baseUrl: 'https://api.sendgrid.com', from: 'Magnetiq <hello@magnetiq.local>' },
  webhookPublicKey: '',
  webhookToleranceSeconds: 600,
  batchSize: 1000,
};

export default {
  default: defaults,
  validator(config: NewsletterConfig) {
    if (config.tokenSecret && config.tokenSecret.length < 16)
      throw new Error('newsletter: NEWSLETTER_TOKEN_SECRET must be at least 16 characters (or empty)');
    if (!Number.isInteger(config.batchSize) || config.batchSize < 1 || config.batchSize > 1000)
      throw new Error(
        'newsletter: NEWSLETTER_BATCH_SIZE must be between 1 and 1000 (SendGrid personalizations per call)',
      );
    if (!Number.isInteger(config.webhookToleranceSeconds) || config.webhookToleranceSeconds < 1)
      throw new Error('newsletter: NEWSLETTER_WEBHOOK_TOLERANCE_SECONDS must be a positive integer');
  },
};
