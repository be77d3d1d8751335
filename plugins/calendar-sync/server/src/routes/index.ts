import { ACTIONS } from '../permissions';

const guarded = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [ACTIONS.manage] } }] };

export default {
  admin: {
    type: 'admin' as const,
    routes: [
      { method: 'GET', path: '/connections', handler: 'admin.list', config: guarded },
      { method: 'PUT', path: '/connections', handler: 'admin.save', config: guarded },
      { method: 'POST', path: '/connections/disconnect', handler: 'admin.disconnect', config: guarded },
      { method: 'POST', path: '/oauth/start', handler: 'admin.startOAuth', config: guarded },
      { method: 'POST', path: '/oauth/callback', handler: 'admin.completeOAuth', config: guarded },
    ],
  },
};
