import { adminGuard as guarded } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/hosts', handler: 'admin.hosts', config: guarded(ACTIONS.schedulesRead) },
    {
      method: 'PUT',
      path: '/hosts/:documentId/schedule',
      handler: 'admin.updateSchedule',
      config: guarded(ACTIONS.schedulesManage),
    },
    { method: 'GET', path: '/bookings', handler: 'admin.bookings', config: guarded(ACTIONS.read) },
    { method: 'POST', path: '/bookings/:documentId/cancel', handler: 'admin.cancel', config: guarded(ACTIONS.manage) },
  ],
};
