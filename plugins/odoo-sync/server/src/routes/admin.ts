import { adminGuard as guarded } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/status', handler: 'admin.status', config: guarded(ACTIONS.read) },
    { method: 'POST', path: '/test-connection', handler: 'admin.testConnection', config: guarded(ACTIONS.manage) },
    { method: 'POST', path: '/stages/read-back', handler: 'admin.readBackStages', config: guarded(ACTIONS.manage) },
    { method: 'POST', path: '/contacts/:documentId/resync', handler: 'admin.resync', config: guarded(ACTIONS.manage) },
  ],
};
