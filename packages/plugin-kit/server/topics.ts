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

export const BOOKING_TOPIC = { reminder: 'booking.reminder' } as const;
