import { draftReadGuard, publicForm, publicRoutes } from '@magnetiq/plugin-kit/server';

export default publicRoutes`
  GET /papers public.list
  GET /papers/:slug public.detail
  GET /papers/:slug/file public.openFile
  POST /requests public.request ${publicForm}
  GET /download/:token public.download
  // the preview server's draft read: API tokens only (docs/adr/0028-preview-redirects-builder.md)
  GET /preview/:documentId preview.findOne ${draftReadGuard()}
`;
