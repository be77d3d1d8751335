import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /hosts admin.hosts ${ACTIONS.schedules.read}
  PUT /hosts/:documentId/schedule admin.updateSchedule ${ACTIONS.schedules.manage}
  GET /bookings admin.bookings ${ACTIONS.bookings.read}
  POST /bookings/:documentId/cancel admin.cancel ${ACTIONS.bookings.manage}
`;
