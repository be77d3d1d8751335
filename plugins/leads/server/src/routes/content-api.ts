import { publicForm, publicRoutes } from '@magnetiq/plugin-kit/server';

// (path and query strings are checked for NUL and control characters globally: middlewares/text-params.ts)
export default publicRoutes`
  POST /submissions submissions.create ${publicForm}
  // email links: GET only shows (mail scanners open every link), POST acts (issue 17)
  GET /confirm links.confirmPage
  POST /confirm links.confirm ${publicForm}
  GET /unsubscribe links.unsubscribePage
  // no form guard: RFC 8058 one-click POSTs come from mail providers, as a form, without Origin
  POST /unsubscribe links.unsubscribe
`;
