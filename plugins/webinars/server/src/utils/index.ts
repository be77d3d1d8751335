import type { Core } from '@strapi/strapi';
import { contentTypeUids, ownPlugin, pluginApi } from '@magnetiq/plugin-kit/server';
import type { LeadsApi } from '@magnetiq/plugin-leads/contract';
import type { WebinarsConfig } from '../config';
import type services from '../services';

export const PLUGIN_ID = 'webinars';
const TYPES = { webinar: 'webinar', speaker: 'speaker', session: 'session', registration: 'registration' } as const;
export const UID = contentTypeUids(PLUGIN_ID, TYPES);
export const TABLE = { session: 'webinars_sessions', registration: 'webinars_registrations' } as const;
export const ACTIVITY_TYPE = 'webinar-registration';

export const { getService, getConfig } = ownPlugin<typeof services, WebinarsConfig>(PLUGIN_ID);

/** The leads core, through its typed contract only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => pluginApi<LeadsApi>(strapi, 'leads');

/** Document ids: the kit's pattern and generator (rows this plugin writes with SQL). */
export { DOCUMENT_ID, newDocumentId } from '@magnetiq/plugin-kit/server';
/** A locale code configured in Strapi's i18n (the leads `locales` service checks it). */
export type Locale = string;
/** A stored locale (checked when it was written); English for rows without one. */
export const asLocale = (value: unknown): Locale => (typeof value === 'string' && value.length > 0 ? value : 'en');
