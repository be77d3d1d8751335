import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /papers admin.list ${ACTIONS.stats.read}
  POST /papers admin.create ${ACTIONS.papers.manage}
  POST /papers/:documentId/file admin.uploadFile ${ACTIONS.papers.manage}
  GET /papers/:documentId/stats admin.stats ${ACTIONS.stats.read}
  GET /papers/:documentId/leads.csv admin.exportLeads ${ACTIONS.leads.export}
`;
