/** Admin permissions of the calendar-sync plugin, as registered by the server in bootstrap. */
export const PERMISSIONS = {
  manage: [{ action: 'plugin::calendar-sync.connections.manage', subject: null }],
};
