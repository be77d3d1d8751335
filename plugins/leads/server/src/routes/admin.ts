import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /contacts admin.listContacts ${ACTIONS.contacts.read}
  GET /contacts/:documentId admin.getContact ${ACTIONS.contacts.read}
  GET /contacts/:documentId/export admin.exportContact ${ACTIONS.contacts.export}
  POST /contacts/:documentId/erase admin.eraseContact ${ACTIONS.contacts.erase}
  GET /audit-log admin.auditLog ${ACTIONS.contacts.read}
  GET /outbox/stats admin.outboxStats ${ACTIONS.outbox.read}
  GET /outbox admin.listOutbox ${ACTIONS.outbox.read}
  POST /outbox/:id/replay admin.replayOutbox ${ACTIONS.outbox.manage}
  POST /outbox/:id/discard admin.discardOutbox ${ACTIONS.outbox.manage}
  GET /emails admin.listEmails ${ACTIONS.outbox.read}
`;
