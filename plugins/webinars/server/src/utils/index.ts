import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { WebinarsConfig } from '../config';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

export const PLUGIN_ID = 'webinars';
export const UID = {
  webinar: 'plugin::webinars.webinar',
  speaker: 'plugin::webinars.speaker',
  session: 'plugin::webinars.session',
  registration: 'plugin::webinars.registration',
} as const;
export const TABLE = { session: 'webinars_sessions', registration: 'webinars_registrations' } as const;
export const ACTIVITY_TYPE = 'webinar-registration';

export function getService<N extends ServiceName>(strapi: Core.Strapi, name: N): ReturnType<Services[N]> {
  return strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[N]>;
}

export function getConfig(strapi: Core.Strapi): WebinarsConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as WebinarsConfig;
}

/** The leads core, through its service API only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => ({
  capture: strapi.plugin('leads').service('capture'),
  contacts: strapi.plugin('leads').service('contacts'),
  audit: strapi.plugin('leads').service('audit'),
  outbox: strapi.plugin('leads').service('outbox'),
  email: strapi.plugin('leads').service('email'),
  rateLimit: strapi.plugin('leads').service('rate-limit'),
  locales: strapi.plugin('leads').service('locales'),
});

/** Document ids of rows this plugin writes with SQL: 24 lowercase characters, like Strapi's. */
export const newDocumentId = () => `w${randomBytes(12).toString('hex').slice(0, 23)}`;

export const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;
/** A locale code configured in Strapi's i18n (the leads `locales` service checks it). */
export type Locale = string;
/** A stored locale (checked when it was written); English for rows without one. */
export const asLocale = (value: unknown): Locale => (typeof value === 'string' && value.length > 0 ? value : 'en');
