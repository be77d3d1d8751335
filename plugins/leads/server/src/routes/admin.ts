import { adminGuard as guarded } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/contacts', handler: 'admin.listContacts', config: guarded(ACTIONS.read) },
    { method: 'GET', path: '/contacts/:documentId', handler: 'admin.getContact', config: guarded(ACTIONS.read) },
    {
      method: 'GET',
      path: '/contacts/:documentId/export',
      handler: 'admin.exportContact',
      config: guarded(ACTIONS.export),
    },
    {
      method: 'POST',
      path: '/contacts/:documentId/erase',
      handler: 'admin.eraseContact',
      config: guarded(ACTIONS.erase),
    },
    { method: 'GET', path: '/audit-log', handler: 'admin.auditLog', config: guarded(ACTIONS.read) },
    { method: 'GET', path: '/outbox/stats', handler: 'admin.outboxStats', config: guarded(ACTIONS.outboxRead) },
    { method: 'GET', path: '/outbox', handler: 'admin.listOutbox', config: guarded(ACTIONS.outboxRead) },
    {
      method: 'POST',
      path: '/outbox/:id/replay',
      handler: 'admin.replayOutbox',
      config: guarded(ACTIONS.outboxManage),
    },
    {
      method: 'POST',
      path: '/outbox/:id/discard',
      handler: 'admin.discardOutbox',
      config: guarded(ACTIONS.outboxManage),
    },
    { method: 'GET', path: '/emails', handler: 'admin.listEmails', config: guarded(ACTIONS.outboxRead) },
  ],
};
