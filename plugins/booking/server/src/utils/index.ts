import { BOOKING_TOPIC, CALENDAR_TOPIC, contentTypeUids, ownPlugin, pluginApi } from '@magnetiq/plugin-kit/server';
import type { Core } from '@strapi/strapi';
import type { LeadsApi } from '@magnetiq/plugin-leads/contract';
import type { BookingConfig } from '../config';
import type services from '../services';

export const PLUGIN_ID = 'booking';
export const UID = contentTypeUids(PLUGIN_ID, { host: 'host', meetingType: 'meeting-type', booking: 'booking' });
export const TABLE = {
  host: 'booking_hosts',
  meetingType: 'booking_meeting_types',
  booking: 'booking_bookings',
} as const;
export const ACTIVITY_TYPE = 'booking';
/** bookings that hold their time */
export const ACTIVE_STATUSES = ['confirmed', 'rescheduled'] as const;
export const TOPIC = { ...CALENDAR_TOPIC, ...BOOKING_TOPIC } as const;

export const { getService, getConfig } = ownPlugin<typeof services, BookingConfig>(PLUGIN_ID);

/** The link secret: our own, or one derived from the leads secret (a separate key per purpose). */
export function tokenSecret(strapi: Core.Strapi): string {
  const own = getConfig(strapi).tokenSecret;
  if (own) return own;
  return leads(strapi).tokens.derivedSecret('magnetiq:booking-links');
}

/** The leads core, through its typed contract only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => pluginApi<LeadsApi>(strapi, 'leads');

/** What booking uses of calendar-sync's busy service. */
export interface BusyService {
  busyTimes(
    calendarIds: string[],
    from: Date,
    to: Date,
    options?: { timeoutMs?: number },
  ): Promise<{
    busy: Record<string, Array<{ start: string; end: string }>>;
    source: 'live' | 'cache' | 'none';
    stale?: boolean;
  }>;
}

/** calendar-sync's busy service, or null when that plugin is not installed. */
export function busyService(strapi: Core.Strapi): null | BusyService {
  const plugin = strapi.plugin('calendar-sync');
  return plugin ? (plugin.service('busy') as unknown as BusyService) : null;
}
