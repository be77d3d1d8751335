import { pluginPermissions } from '@magnetiq/plugin-kit/server';

/**
 * Admin permissions of the webinars plugin. Sessions (dates, seats, counts) are marketing's work;
 * registrations are personal data (names, emails, answers), so reading them is a separate action
 * that the Sales role has and the Editor role has not.
 */
export const { ACTIONS, PERMISSION_ACTIONS } = pluginPermissions('webinars', {
  sessions: {
    read: 'See webinars and sessions with their seat counts',
    manage: 'Manage sessions: dates, seats, cancellation, recordings, attendance, reminders',
  },
  registrations: { read: 'See webinar registrations (personal data), export them' },
});
