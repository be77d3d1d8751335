import { pluginPermissions } from '@magnetiq/plugin-kit/server';

export const { ACTIONS, PERMISSION_ACTIONS } = pluginPermissions('calendar-sync', {
  connections: { manage: 'See and reconnect Google calendars' },
});
