/**
 * Admin permissions of the webinars plugin. Sessions (dates, seats, counts) are marketing's work;
 * registrations are personal data (names, emails, answers), so reading them is a separate action
 * that the Sales role has and the Editor role has not.
 */
export const ACTIONS = {
  sessionsRead: 'plugin::webinars.sessions.read',
  read: 'plugin::webinars.registrations.read',
  manage: 'plugin::webinars.sessions.manage',
} as const;

export const PERMISSION_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'See webinars and sessions with their seat counts',
    uid: 'sessions.read',
    pluginName: 'webinars',
  },
  {
    section: 'plugins',
    displayName: 'See webinar registrations (personal data), export them',
    uid: 'registrations.read',
    pluginName: 'webinars',
  },
  {
    section: 'plugins',
    displayName: 'Manage sessions: dates, seats, cancellation, recordings, attendance, reminders',
    uid: 'sessions.manage',
    pluginName: 'webinars',
  },
];
