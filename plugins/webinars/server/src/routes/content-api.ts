// path parameters and query strings reach PostgreSQL text: no NUL, no control characters (leads core)
const publicRead = { auth: false as const, middlewares: ['plugin::leads.text-params'] };

export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/webinars', handler: 'public.list', config: publicRead },
    { method: 'GET', path: '/webinars/:slug', handler: 'public.detail', config: publicRead },
    { method: 'GET', path: '/sessions/:documentId/ics', handler: 'public.sessionIcs', config: publicRead },
    // the leads core's guard: JSON only, allowed Origin, small bodies
    { method: 'POST', path: '/registrations', handler: 'public.register', config: { auth: false, middlewares: ['plugin::leads.form-guard', 'plugin::leads.text-params'] } },
    { method: 'GET', path: '/registrations/cancel', handler: 'public.cancelPage', config: publicRead },
    { method: 'POST', path: '/registrations/cancel', handler: 'public.cancel', config: publicRead },
    { method: 'GET', path: '/registrations/ics', handler: 'public.registrationIcs', config: publicRead },
  ],
};
