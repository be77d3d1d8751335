import { adminGuard as guarded } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/webinars', handler: 'admin.webinars', config: guarded(ACTIONS.sessionsRead) },
    { method: 'POST', path: '/webinars', handler: 'admin.createWebinar', config: guarded(ACTIONS.manage) },
    {
      method: 'GET',
      path: '/webinars/:documentId/sessions',
      handler: 'admin.sessions',
      config: guarded(ACTIONS.sessionsRead),
    },
    {
      method: 'POST',
      path: '/webinars/:documentId/sessions',
      handler: 'admin.createSession',
      config: guarded(ACTIONS.manage),
    },
    { method: 'GET', path: '/sessions/:documentId', handler: 'admin.session', config: guarded(ACTIONS.sessionsRead) },
    { method: 'PUT', path: '/sessions/:documentId', handler: 'admin.updateSession', config: guarded(ACTIONS.manage) },
    {
      method: 'POST',
      path: '/sessions/:documentId/cancel',
      handler: 'admin.cancelSession',
      config: guarded(ACTIONS.manage),
    },
    {
      method: 'POST',
      path: '/sessions/:documentId/recording',
      handler: 'admin.setRecording',
      config: guarded(ACTIONS.manage),
    },
    {
      method: 'GET',
      path: '/sessions/:documentId/registrations',
      handler: 'admin.registrations',
      config: guarded(ACTIONS.read),
    },
    {
      method: 'GET',
      path: '/sessions/:documentId/registrations.csv',
      handler: 'admin.exportCsv',
      config: guarded(ACTIONS.read),
    },
    {
      method: 'POST',
      path: '/sessions/:documentId/attendance',
      handler: 'admin.markAttendance',
      config: guarded(ACTIONS.manage, ACTIONS.read),
    },
    {
      method: 'POST',
      path: '/sessions/:documentId/attendance/import',
      handler: 'admin.importAttendance',
      config: guarded(ACTIONS.manage, ACTIONS.read),
    },
    { method: 'POST', path: '/reminders/run', handler: 'admin.runReminders', config: guarded(ACTIONS.manage) },
  ],
};
