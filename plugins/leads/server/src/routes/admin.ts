import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /contacts admin.listContacts ${ACTIONS.read}
  GET /contacts/:documentId admin.getContact ${ACTIONS.read}
  GET /contacts/:documentId/export admin.exportContact ${ACTIONS.export}
  POST /contacts/:documentId/erase admin.eraseContact ${ACTIONS.erase}
  GET /audit-log admin.auditLog ${ACTIONS.read}
  GET /outbox/stats admin.outboxStats ${ACTIONS.outboxRead}
  GET /outbox admin.listOutbox ${ACTIONS.outboxRead}
  POST /outbox/:id/replay admin.replayOutbox ${ACTIONS.outboxManage}
  POST /outbox/:id/discard admin.discardOutbox ${ACTIONS.outboxManage}
  GET /emails admin.listEmails ${ACTIONS.outboxRead}
`;
