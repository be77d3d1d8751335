import { ownConfig, ownServices } from '@magnetiq/plugin-kit/server';
import type { Core } from '@strapi/strapi';
import type { CalendarSyncConfig } from '../config';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

export const PLUGIN_ID = 'calendar-sync';
export const UID = {
  connection: 'plugin::calendar-sync.connection',
  event: 'plugin::calendar-sync.event',
  oauthState: 'plugin::calendar-sync.oauth-state',
} as const;
/** the email a host gets once when Google refuses their grant (expired or revoked) */
export const DISCONNECTED_TEMPLATE = 'calendar-disconnected';
/** the languages that email is written in (domain/emails.ts); others fall back to it */
export const DISCONNECTED_EMAIL_LOCALES: readonly string[] = ['en'];
/** The outbox topics this plugin delivers (the kit's names, which booking writes). */
export { CALENDAR_TOPIC as TOPIC, deliveryErrors } from '@magnetiq/plugin-kit/server';
/** Google's token endpoint as google-auth-library hard-codes it for service accounts */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const CALENDAR_SCOPES = [
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.freebusy',
];

export const getService = ownServices<Services>(PLUGIN_ID);

export const getConfig = ownConfig<CalendarSyncConfig>(PLUGIN_ID);

/** Times one Google call in the leads core's metrics (magnetiq_external_call_duration_seconds). */
export function timedGoogleCall<T>(strapi: Core.Strapi, operation: string, call: () => Promise<T>): Promise<T> {
  const metrics = strapi.plugin('leads')?.service('metrics');
  return metrics ? metrics.timeExternal('google', operation, call) : call();
}
