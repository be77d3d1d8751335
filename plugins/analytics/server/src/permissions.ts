import { pluginPermissions } from '@magnetiq/plugin-kit/server';

export const { ACTIONS, PERMISSION_ACTIONS } = pluginPermissions('analytics', {
  read: 'See lead analytics (counts only) and export them as CSV',
});
