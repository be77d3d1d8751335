import { publicForm, publicRoutes } from '@magnetiq/plugin-kit/server';

export default publicRoutes`
  GET /meeting-types public.meetingTypes
  GET /meeting-types/:slug public.meetingType
  GET /slots public.slots
  POST /bookings public.book ${publicForm}
  POST /manage public.manage ${publicForm}
  POST /manage/cancel public.cancel ${publicForm}
  POST /manage/reschedule public.reschedule ${publicForm}
`;
