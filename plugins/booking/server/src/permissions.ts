import { pluginPermissions } from '@magnetiq/plugin-kit/server';

/**
 * Admin permissions of the booking plugin. Hosts' weekly schedules are marketing's work; bookings
 * carry the visitor's name, email and answers (personal data), so they have actions of their own
 * that the Sales role has and the Editor role has not.
 */
export const { ACTIONS, PERMISSION_ACTIONS } = pluginPermissions('booking', {
  schedules: { read: 'See hosts and their weekly schedules', manage: 'Edit hosts’ weekly schedules and days off' },
  bookings: { read: 'See bookings (personal data)', manage: 'Cancel bookings' },
});
