import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /webinars admin.webinars ${ACTIONS.sessions.read}
  POST /webinars admin.createWebinar ${ACTIONS.sessions.manage}
  GET /webinars/:documentId/sessions admin.sessions ${ACTIONS.sessions.read}
  POST /webinars/:documentId/sessions admin.createSession ${ACTIONS.sessions.manage}
  GET /sessions/:documentId admin.session ${ACTIONS.sessions.read}
  PUT /sessions/:documentId admin.updateSession ${ACTIONS.sessions.manage}
  POST /sessions/:documentId/cancel admin.cancelSession ${ACTIONS.sessions.manage}
  POST /sessions/:documentId/recording admin.setRecording ${ACTIONS.sessions.manage}
  GET /sessions/:documentId/registrations admin.registrations ${ACTIONS.registrations.read}
  GET /sessions/:documentId/registrations.csv admin.exportCsv ${ACTIONS.registrations.read}
  POST /sessions/:documentId/attendance admin.markAttendance ${ACTIONS.sessions.manage} ${ACTIONS.registrations.read}
  POST /sessions/:documentId/attendance/import admin.importAttendance ${ACTIONS.sessions.manage} ${ACTIONS.registrations.read}
  POST /reminders/run admin.runReminders ${ACTIONS.sessions.manage}
`;
