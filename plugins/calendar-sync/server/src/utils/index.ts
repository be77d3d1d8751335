import { contentTypeUids, ownPlugin, pluginApi } from '@magnetiq/plugin-kit/server';
import type { LeadsApi } from '@magnetiq/plugin-leads/contract';
import type { Core } from '@strapi/strapi';
import type { CalendarSyncConfig } from '../config';
import type services from '../services';

export const PLUGIN_ID = 'calendar-sync';
export const UID = contentTypeUids(PLUGIN_ID, { connection: 'connection', event: 'event', oauthState: 'oauth-state' });
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

export const { getService, getConfig } = ownPlugin<typeof services, CalendarSyncConfig>(PLUGIN_ID);

/** Times one Google call in the leads core's metrics (magnetiq_external_call_duration_seconds). */
export function timedGoogleCall<T>(strapi: Core.Strapi, operation: string, call: () => Promise<T>): Promise<T> {
  return strapi.plugin('leads') ? leads(strapi).metrics.timeExternal('google', operation, call) : call();
}

/** The leads core, through its typed contract only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => pluginApi<LeadsApi>(strapi, 'leads');
