import { pluginPermissions } from '@magnetiq/plugin-kit/server';

/**
 * Admin permissions of the editorial plugin, one per kind of route. Reading a version also needs
 * the Content Manager's read permission on its type and locale (checked per request, fields the
 * user may not read are removed); restoring needs its update permission.
 */
export const { ACTIONS, PERMISSION_ACTIONS } = pluginPermissions('editorial', {
  versions: {
    read: 'See the version history of content and its diffs',
    restore: 'Restore an earlier version as the draft',
  },
  stages: { update: 'Move entries between review stages and assign reviewers' },
  settings: { manage: 'Switch history and review stages on or off per content type' },
  releases: { read: 'See releases', manage: 'Create and schedule releases' },
  audit: { read: 'Read and export the content audit log' },
});
