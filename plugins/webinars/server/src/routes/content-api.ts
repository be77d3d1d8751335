import { draftReadGuard, publicForm, publicRoutes } from '@magnetiq/plugin-kit/server';

export default publicRoutes`
  GET /webinars public.list
  GET /webinars/:slug public.detail
  GET /sessions/:documentId/ics public.sessionIcs
  POST /registrations public.register ${publicForm}
  GET /registrations/cancel public.cancelPage
  POST /registrations/cancel public.cancel
  GET /registrations/ics public.registrationIcs
  // the preview server's draft read: API tokens only (docs/adr/0028-preview-redirects-builder.md)
  GET /preview/:documentId preview.findOne ${draftReadGuard()}
`;
