// (path and query strings are checked for NUL and control characters globally: middlewares/text-params.ts)
const publicForm = {
  auth: false as const,
  middlewares: ['plugin::leads.form-guard'],
};

export default {
  type: 'content-api' as const,
  routes: [
    { method: 'POST', path: '/submissions', handler: 'submissions.create', config: publicForm },
    // email links: GET only shows (mail scanners open every link), POST acts (issue 17)
    { method: 'GET', path: '/confirm', handler: 'links.confirmPage', config: { auth: false } },
    { method: 'POST', path: '/confirm', handler: 'links.confirm', config: publicForm },
    { method: 'GET', path: '/unsubscribe', handler: 'links.unsubscribePage', config: { auth: false } },
    // no form guard: RFC 8058 one-click POSTs come from mail providers, as a form, without Origin
    { method: 'POST', path: '/unsubscribe', handler: 'links.unsubscribe', config: { auth: false } },
  ],
};
