import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /status admin.status ${ACTIONS.status.read}
  POST /test-connection admin.testConnection ${ACTIONS.sync.manage}
  POST /stages/read-back admin.readBackStages ${ACTIONS.sync.manage}
  POST /contacts/:documentId/resync admin.resync ${ACTIONS.sync.manage}
`;
