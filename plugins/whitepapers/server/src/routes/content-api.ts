import { draftReadGuard } from '@magnetiq/plugin-kit/server';

export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/papers', handler: 'public.list', config: { auth: false } },
    { method: 'GET', path: '/papers/:slug', handler: 'public.detail', config: { auth: false } },
    { method: 'GET', path: '/papers/:slug/file', handler: 'public.openFile', config: { auth: false } },
    // the leads core's guard: JSON only, allowed Origin, small bodies
    {
      method: 'POST',
      path: '/requests',
      handler: 'public.request',
      config: { auth: false, middlewares: ['plugin::leads.form-guard'] },
    },
    { method: 'GET', path: '/download/:token', handler: 'public.download', config: { auth: false } },
    // the preview server's draft read: API tokens only (docs/adr/0028-preview-redirects-builder.md)
    { method: 'GET', path: '/preview/:documentId', handler: 'preview.findOne', config: draftReadGuard() },
  ],
};
