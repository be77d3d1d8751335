import { ACTIONS } from '../permissions';

const guarded = {
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [ACTIONS.read] } }],
};

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/overview', handler: 'admin.overview', config: guarded },
    { method: 'GET', path: '/export/:table', handler: 'admin.export', config: guarded },
  ],
};
