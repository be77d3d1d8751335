/** Module constant: useRBAC and Page.Protect re-check whenever the array identity changes. */
export const PERMISSIONS = { read: [{ action: 'plugin::analytics.read', subject: null }] };
