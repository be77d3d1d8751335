import { ACTIONS } from '../permissions';

const guarded = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/status', handler: 'admin.status', config: guarded(ACTIONS.read) },
    { method: 'POST', path: '/test-connection', handler: 'admin.testConnection', config: guarded(ACTIONS.manage) },
    { method: 'POST', path: '/stages/read-back', handler: 'admin.readBackStages', config: guarded(ACTIONS.manage) },
    { method: 'POST', path: '/contacts/:documentId/resync', handler: 'admin.resync', config: guarded(ACTIONS.manage) },
  ],
};
