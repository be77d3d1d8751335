const publicForm = {
  auth: false as const,
  middlewares: ['plugin::leads.form-guard'],
};

export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/status', handler: 'status.index', config: { auth: false } },
    { method: 'POST', path: '/submissions', handler: 'submissions.create', config: publicForm },
    { method: 'GET', path: '/confirm', handler: 'links.confirm', config: { auth: false } },
    { method: 'GET', path: '/unsubscribe', handler: 'links.unsubscribe', config: { auth: false } },
    { method: 'POST', path: '/unsubscribe', handler: 'links.unsubscribe', config: { auth: false } },
  ],
};
