/**
 * Admin permissions of the editorial plugin, one per kind of route. Reading a version also needs
 * the Content Manager's read permission on its type and locale (checked per request, fields the
 * user may not read are removed); restoring needs its update permission.
 */
export const ACTIONS = {
  versionsRead: 'plugin::editorial.versions.read',
  versionsRestore: 'plugin::editorial.versions.restore',
  stagesUpdate: 'plugin::editorial.stages.update',
  settingsManage: 'plugin::editorial.settings.manage',
  releasesRead: 'plugin::editorial.releases.read',
  releasesManage: 'plugin::editorial.releases.manage',
  auditRead: 'plugin::editorial.audit.read',
} as const;

const action = (uid: string, displayName: string) => ({
  section: 'plugins',
  displayName,
  uid,
  pluginName: 'editorial',
});

export const PERMISSION_ACTIONS = [
  action('versions.read', 'See the version history of content and its diffs'),
  action('versions.restore', 'Restore an earlier version as the draft'),
  action('stages.update', 'Move entries between review stages and assign reviewers'),
  action('settings.manage', 'Switch history and review stages on or off per content type'),
  action('releases.read', 'See releases'),
  action('releases.manage', 'Create and schedule releases'),
  action('audit.read', 'Read and export the content audit log'),
];
