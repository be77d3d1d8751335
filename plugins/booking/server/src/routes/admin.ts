import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /hosts admin.hosts ${ACTIONS.schedulesRead}
  PUT /hosts/:documentId/schedule admin.updateSchedule ${ACTIONS.schedulesManage}
  GET /bookings admin.bookings ${ACTIONS.read}
  POST /bookings/:documentId/cancel admin.cancel ${ACTIONS.manage}
`;
