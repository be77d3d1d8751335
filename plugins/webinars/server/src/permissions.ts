export const ACTIONS = {
  read: 'plugin::webinars.registrations.read',
  manage: 'plugin::webinars.sessions.manage',
} as const;

export const PERMISSION_ACTIONS = [
  { section: 'plugins', displayName: 'See webinar sessions and registrations, export them', uid: 'registrations.read', pluginName: 'webinars' },
  { section: 'plugins', displayName: 'Manage sessions: dates, seats, cancellation, recordings, attendance, reminders', uid: 'sessions.manage', pluginName: 'webinars' },
];
