import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /status admin.status ${ACTIONS.read}
  POST /test-connection admin.testConnection ${ACTIONS.manage}
  POST /stages/read-back admin.readBackStages ${ACTIONS.manage}
  POST /contacts/:documentId/resync admin.resync ${ACTIONS.manage}
`;
