import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /versions admin.listVersions ${ACTIONS.versions.read}
  GET /versions/:id admin.getVersion ${ACTIONS.versions.read}
  POST /versions/:id/restore admin.restoreVersion ${ACTIONS.versions.restore}
  GET /settings admin.listSettings ${ACTIONS.settings.manage}
  PUT /settings admin.updateSettings ${ACTIONS.settings.manage}
  GET /stages admin.getStage ${ACTIONS.versions.read}
  PUT /stages admin.setStage ${ACTIONS.stages.update}
  GET /stages/mine admin.myReviews ${ACTIONS.stages.update}
  GET /releases admin.listReleases ${ACTIONS.releases.read}
  POST /releases admin.createRelease ${ACTIONS.releases.manage}
  GET /releases/:id admin.getRelease ${ACTIONS.releases.read}
  POST /releases/:id/schedule admin.scheduleRelease ${ACTIONS.releases.manage}
  GET /audit-log admin.auditLog ${ACTIONS.audit.read}
  GET /audit-log/export admin.auditLogExport ${ACTIONS.audit.read}
`;
