import { describe, expect, it } from 'vitest';
import { pluginPermissions } from './permissions';

describe('pluginPermissions', () => {
  it('prefixes each action with the plugin id and has no subject', () => {
    expect(pluginPermissions('leads', { contactsRead: 'contacts.read', outboxManage: 'outbox.manage' })).toEqual({
      contactsRead: [{ action: 'plugin::leads.contacts.read', subject: null }],
      outboxManage: [{ action: 'plugin::leads.outbox.manage', subject: null }],
    });
  });

  it('gives a list of actions as one array, in order (a menu link that any of them opens)', () => {
    expect(pluginPermissions('booking', { any: ['schedules.read', 'bookings.read'] }).any).toEqual([
      { action: 'plugin::booking.schedules.read', subject: null },
      { action: 'plugin::booking.bookings.read', subject: null },
    ]);
  });

  it('takes a plugin id with a hyphen as it is, and an empty map as empty', () => {
    expect(pluginPermissions('odoo-sync', { read: 'status.read' }).read).toEqual([
      { action: 'plugin::odoo-sync.status.read', subject: null },
    ]);
    expect(pluginPermissions('webinars', {})).toEqual({});
  });
});
