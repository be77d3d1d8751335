// the leads core's guard on every POST: JSON only, allowed Origin, small bodies
const form = { auth: false as const, middlewares: ['plugin::leads.form-guard'] };

export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/meeting-types', handler: 'public.meetingTypes', config: { auth: false } },
    { method: 'GET', path: '/meeting-types/:slug', handler: 'public.meetingType', config: { auth: false } },
    { method: 'GET', path: '/slots', handler: 'public.slots', config: { auth: false } },
    { method: 'POST', path: '/bookings', handler: 'public.book', config: form },
    { method: 'POST', path: '/manage', handler: 'public.manage', config: form },
    { method: 'POST', path: '/manage/cancel', handler: 'public.cancel', config: form },
    { method: 'POST', path: '/manage/reschedule', handler: 'public.reschedule', config: form },
  ],
};
