import { adminGuard as guarded } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/papers', handler: 'admin.list', config: guarded(ACTIONS.read) },
    { method: 'POST', path: '/papers', handler: 'admin.create', config: guarded(ACTIONS.manage) },
    { method: 'POST', path: '/papers/:documentId/file', handler: 'admin.uploadFile', config: guarded(ACTIONS.manage) },
    { method: 'GET', path: '/papers/:documentId/stats', handler: 'admin.stats', config: guarded(ACTIONS.read) },
    {
      method: 'GET',
      path: '/papers/:documentId/leads.csv',
      handler: 'admin.exportLeads',
      config: guarded(ACTIONS.exportLeads),
    },
  ],
};
