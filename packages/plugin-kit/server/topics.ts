/**
 * The leads outbox's topic names, one place for all plugins: the plugin that writes a message and
 * the plugin whose handler delivers it import the same constant.
 */
export const EMAIL_TOPIC = 'email.send';

export const CALENDAR_TOPIC = {
  createEvent: 'calendar.create-event',
  patchEvent: 'calendar.patch-event',
  deleteEvent: 'calendar.delete-event',
} as const;

export const ODOO_TOPIC = {
  upsertLead: 'odoo.upsert-lead',
  eraseContact: 'odoo.erase-contact',
} as const;

export const BOOKING_TOPIC = {
  reminder: 'booking.reminder',
  /** calendar-sync tells booking the Meet link of a booking's event (EventMessage.onConference) */
  conferenceReady: 'booking.conference-ready',
} as const;
