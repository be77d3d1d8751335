/** Module constants: useRBAC and Page.Protect re-check whenever the array identity changes. */
export const PERMISSIONS = {
  versionsRead: [{ action: 'plugin::editorial.versions.read', subject: null }],
  versionsRestore: [{ action: 'plugin::editorial.versions.restore', subject: null }],
  releasesRead: [{ action: 'plugin::editorial.releases.read', subject: null }],
  auditRead: [{ action: 'plugin::editorial.audit.read', subject: null }],
};
