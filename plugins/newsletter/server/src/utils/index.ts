import type { Core } from '@strapi/strapi';
import { ownPlugin, pluginApi } from '@magnetiq/plugin-kit/server';
import type { LeadsApi } from '@magnetiq/plugin-leads/contract';
import type { NewsletterConfig } from '../config';
import type services from '../services';

export const PLUGIN_ID = 'newsletter';
/** the outbox topic of one batch of a campaign */
export const BATCH_TOPIC = 'newsletter.batch';
/** the outbox topic that starts a scheduled campaign */
export const START_TOPIC = 'newsletter.start';
export const SIGNUP_ACTIVITY = 'newsletter-signup';

export const TABLE = {
  topics: 'newsletter_topics',
  subscriptions: 'newsletter_subscriptions',
  segments: 'newsletter_segments',
  campaigns: 'newsletter_campaigns',
  recipients: 'newsletter_recipients',
  suppressions: 'newsletter_suppressions',
  events: 'newsletter_events',
  settings: 'newsletter_settings',
} as const;

export const { getService, getConfig } = ownPlugin<typeof services, NewsletterConfig>(PLUGIN_ID);

/** The leads core, through its typed contract only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => pluginApi<LeadsApi>(strapi, 'leads');

/** This plugin's link secret: its own, or one derived from the leads secret for this purpose only. */
export const tokenSecret = (strapi: Core.Strapi): string =>
  getConfig(strapi).tokenSecret || leads(strapi).tokens.derivedSecret('magnetiq:newsletter-links');

/** A jsonb column as an object: Strapi turns off pg's JSONB parsing (its query engine parses), so raw knex rows carry text. */
export const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
