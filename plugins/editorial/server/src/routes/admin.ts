import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /versions admin.listVersions ${ACTIONS.versionsRead}
  GET /versions/:id admin.getVersion ${ACTIONS.versionsRead}
  POST /versions/:id/restore admin.restoreVersion ${ACTIONS.versionsRestore}
  GET /settings admin.listSettings ${ACTIONS.settingsManage}
  PUT /settings admin.updateSettings ${ACTIONS.settingsManage}
  GET /stages admin.getStage ${ACTIONS.versionsRead}
  PUT /stages admin.setStage ${ACTIONS.stagesUpdate}
  GET /stages/mine admin.myReviews ${ACTIONS.stagesUpdate}
  GET /releases admin.listReleases ${ACTIONS.releasesRead}
  POST /releases admin.createRelease ${ACTIONS.releasesManage}
  GET /releases/:id admin.getRelease ${ACTIONS.releasesRead}
  POST /releases/:id/schedule admin.scheduleRelease ${ACTIONS.releasesManage}
  GET /audit-log admin.auditLog ${ACTIONS.auditRead}
  GET /audit-log/export admin.auditLogExport ${ACTIONS.auditRead}
`;
