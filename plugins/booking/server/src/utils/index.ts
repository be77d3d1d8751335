import { createHmac } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { BookingConfig } from '../config';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

export const PLUGIN_ID = 'booking';
export const UID = {
  host: 'plugin::booking.host',
  meetingType: 'plugin::booking.meeting-type',
  booking: 'plugin::booking.booking',
} as const;
export const TABLE = { host: 'booking_hosts', meetingType: 'booking_meeting_types', booking: 'booking_bookings' } as const;
export const ACTIVITY_TYPE = 'booking';
/** bookings that hold their time */
export const ACTIVE_STATUSES = ['confirmed', 'rescheduled'] as const;
export const TOPIC = {
  createEvent: 'calendar.create-event',
  patchEvent: 'calendar.patch-event',
  deleteEvent: 'calendar.delete-event',
  reminder: 'booking.reminder',
  /** calendar-sync tells us the Meet link of a booking's event (EventMessage.onConference) */
  conferenceReady: 'booking.conference-ready',
} as const;

export function getService<N extends ServiceName>(strapi: Core.Strapi, name: N): ReturnType<Services[N]> {
  return strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[N]>;
}

export function getConfig(strapi: Core.Strapi): BookingConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as BookingConfig;
}

/** The link secret: our own, or one derived from the leads secret (a separate key per purpose). */
export function tokenSecret(strapi: Core.Strapi): string {
  const own = getConfig(strapi).tokenSecret;
  if (own) return own;
  const leadsSecret = (strapi.config.get('plugin::leads') as { tokenSecret: string }).tokenSecret;
  return createHmac('sha256', leadsSecret).update('magnetiq:booking-links').digest('base64url');
}

/** The leads core, through its service API only. */
export const leads = (strapi: Core.Strapi) => ({
  capture: strapi.plugin('leads').service('capture'),
  contacts: strapi.plugin('leads').service('contacts'),
  audit: strapi.plugin('leads').service('audit'),
  rateLimit: strapi.plugin('leads').service('rate-limit'),
  locales: strapi.plugin('leads').service('locales'),
  deprecations: strapi.plugin('leads').service('deprecations'),
  outbox: strapi.plugin('leads').service('outbox'),
  email: strapi.plugin('leads').service('email'),
  forms: strapi.plugin('leads').service('forms'),
});

/** calendar-sync's busy service, or null when that plugin is not installed. */
export function busyService(strapi: Core.Strapi): null | {
  busyTimes(calendarIds: string[], from: Date, to: Date, options?: { timeoutMs?: number }): Promise<{ busy: Record<string, Array<{ start: string; end: string }>>; source: 'live' | 'cache' | 'none'; stale?: boolean }>;
} {
  const plugin = strapi.plugin('calendar-sync');
  return plugin ? (plugin.service('busy') as any) : null;
}

/** A document id in Strapi's format (24 lowercase letters and digits, starting with a letter). */
export function newDocumentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  let id = alphabet[bytes[0] % 26];
  for (let i = 1; i < 24; i++) id += alphabet[bytes[i] % alphabet.length];
  return id;
}
