import { pluginPermissions } from '@magnetiq/plugin-kit/admin';

/** Admin permissions of the booking plugin, as registered by the server in bootstrap. */
export const PERMISSIONS = pluginPermissions('booking', {
  /** the menu link: either page */
  any: ['schedules.read', 'bookings.read'],
  schedules: 'schedules.read',
  /** the bookings page also lists the hosts to choose from */
  read: 'bookings.read',
  manage: 'bookings.manage',
});
