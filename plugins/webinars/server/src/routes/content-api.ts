import { draftReadGuard } from '@magnetiq/plugin-kit/server';

export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/webinars', handler: 'public.list', config: { auth: false } },
    { method: 'GET', path: '/webinars/:slug', handler: 'public.detail', config: { auth: false } },
    { method: 'GET', path: '/sessions/:documentId/ics', handler: 'public.sessionIcs', config: { auth: false } },
    // the leads core's guard: JSON only, allowed Origin, small bodies
    {
      method: 'POST',
      path: '/registrations',
      handler: 'public.register',
      config: { auth: false, middlewares: ['plugin::leads.form-guard'] },
    },
    { method: 'GET', path: '/registrations/cancel', handler: 'public.cancelPage', config: { auth: false } },
    { method: 'POST', path: '/registrations/cancel', handler: 'public.cancel', config: { auth: false } },
    { method: 'GET', path: '/registrations/ics', handler: 'public.registrationIcs', config: { auth: false } },
    // the preview server's draft read: API tokens only (docs/adr/0028-preview-redirects-builder.md)
    { method: 'GET', path: '/preview/:documentId', handler: 'preview.findOne', config: draftReadGuard() },
  ],
};
