import { adminGuard as guarded } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/versions', handler: 'admin.listVersions', config: guarded(ACTIONS.versionsRead) },
    { method: 'GET', path: '/versions/:id', handler: 'admin.getVersion', config: guarded(ACTIONS.versionsRead) },
    {
      method: 'POST',
      path: '/versions/:id/restore',
      handler: 'admin.restoreVersion',
      config: guarded(ACTIONS.versionsRestore),
    },
    { method: 'GET', path: '/settings', handler: 'admin.listSettings', config: guarded(ACTIONS.settingsManage) },
    { method: 'PUT', path: '/settings', handler: 'admin.updateSettings', config: guarded(ACTIONS.settingsManage) },
    { method: 'GET', path: '/stages', handler: 'admin.getStage', config: guarded(ACTIONS.versionsRead) },
    { method: 'PUT', path: '/stages', handler: 'admin.setStage', config: guarded(ACTIONS.stagesUpdate) },
    { method: 'GET', path: '/stages/mine', handler: 'admin.myReviews', config: guarded(ACTIONS.stagesUpdate) },
    { method: 'GET', path: '/releases', handler: 'admin.listReleases', config: guarded(ACTIONS.releasesRead) },
    { method: 'POST', path: '/releases', handler: 'admin.createRelease', config: guarded(ACTIONS.releasesManage) },
    { method: 'GET', path: '/releases/:id', handler: 'admin.getRelease', config: guarded(ACTIONS.releasesRead) },
    {
      method: 'POST',
      path: '/releases/:id/schedule',
      handler: 'admin.scheduleRelease',
      config: guarded(ACTIONS.releasesManage),
    },
    { method: 'GET', path: '/audit-log', handler: 'admin.auditLog', config: guarded(ACTIONS.auditRead) },
    { method: 'GET', path: '/audit-log/export', handler: 'admin.auditLogExport', config: guarded(ACTIONS.auditRead) },
  ],
};
