// path parameters and query strings reach PostgreSQL text: no NUL, no control characters (leads core)
const publicRead = { auth: false as const, middlewares: ['plugin::leads.text-params'] };

export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/papers', handler: 'public.list', config: publicRead },
    { method: 'GET', path: '/papers/:slug', handler: 'public.detail', config: publicRead },
    { method: 'GET', path: '/papers/:slug/file', handler: 'public.openFile', config: publicRead },
    // the leads core's guard: JSON only, allowed Origin, small bodies
    { method: 'POST', path: '/requests', handler: 'public.request', config: { auth: false, middlewares: ['plugin::leads.form-guard', 'plugin::leads.text-params'] } },
    { method: 'GET', path: '/download/:token', handler: 'public.download', config: publicRead },
  ],
};
