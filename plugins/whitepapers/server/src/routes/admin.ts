import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /papers admin.list ${ACTIONS.read}
  POST /papers admin.create ${ACTIONS.manage}
  POST /papers/:documentId/file admin.uploadFile ${ACTIONS.manage}
  GET /papers/:documentId/stats admin.stats ${ACTIONS.read}
  GET /papers/:documentId/leads.csv admin.exportLeads ${ACTIONS.exportLeads}
`;
