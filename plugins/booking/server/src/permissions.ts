/**
 * Admin permissions of the booking plugin. Hosts' weekly schedules are marketing's work; bookings
 * carry the visitor's name, email and answers (personal data), so they have actions of their own
 * that the Sales role has and the Editor role has not.
 */
export const ACTIONS = {
  schedulesRead: 'plugin::booking.schedules.read',
  schedulesManage: 'plugin::booking.schedules.manage',
  read: 'plugin::booking.bookings.read',
  manage: 'plugin::booking.bookings.manage',
} as const;

export const PERMISSION_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'See hosts and their weekly schedules',
    uid: 'schedules.read',
    pluginName: 'booking',
  },
  {
    section: 'plugins',
    displayName: 'Edit hosts’ weekly schedules and days off',
    uid: 'schedules.manage',
    pluginName: 'booking',
  },
  { section: 'plugins', displayName: 'See bookings (personal data)', uid: 'bookings.read', pluginName: 'booking' },
  { section: 'plugins', displayName: 'Cancel bookings', uid: 'bookings.manage', pluginName: 'booking' },
];
