export const ACTIONS = {
  manage: 'plugin::calendar-sync.connections.manage',
} as const;

export const PERMISSION_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'See and reconnect Google calendars',
    uid: 'connections.manage',
    pluginName: 'calendar-sync',
  },
];
