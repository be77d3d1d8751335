// path parameters and query strings reach PostgreSQL text: no NUL, no control characters (leads core)
const publicRead = { auth: false as const, middlewares: ['plugin::leads.text-params'] };

const publicForm = {
  auth: false as const,
  middlewares: ['plugin::leads.form-guard', 'plugin::leads.text-params'],
};

export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/status', handler: 'status.index', config: publicRead },
    { method: 'POST', path: '/submissions', handler: 'submissions.create', config: publicForm },
    { method: 'GET', path: '/confirm', handler: 'links.confirm', config: publicRead },
    { method: 'GET', path: '/unsubscribe', handler: 'links.unsubscribe', config: publicRead },
    { method: 'POST', path: '/unsubscribe', handler: 'links.unsubscribe', config: publicRead },
  ],
};
