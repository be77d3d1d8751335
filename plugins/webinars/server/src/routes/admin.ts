import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /webinars admin.webinars ${ACTIONS.sessionsRead}
  POST /webinars admin.createWebinar ${ACTIONS.manage}
  GET /webinars/:documentId/sessions admin.sessions ${ACTIONS.sessionsRead}
  POST /webinars/:documentId/sessions admin.createSession ${ACTIONS.manage}
  GET /sessions/:documentId admin.session ${ACTIONS.sessionsRead}
  PUT /sessions/:documentId admin.updateSession ${ACTIONS.manage}
  POST /sessions/:documentId/cancel admin.cancelSession ${ACTIONS.manage}
  POST /sessions/:documentId/recording admin.setRecording ${ACTIONS.manage}
  GET /sessions/:documentId/registrations admin.registrations ${ACTIONS.read}
  GET /sessions/:documentId/registrations.csv admin.exportCsv ${ACTIONS.read}
  POST /sessions/:documentId/attendance admin.markAttendance ${ACTIONS.manage} ${ACTIONS.read}
  POST /sessions/:documentId/attendance/import admin.importAttendance ${ACTIONS.manage} ${ACTIONS.read}
  POST /reminders/run admin.runReminders ${ACTIONS.manage}
`;
