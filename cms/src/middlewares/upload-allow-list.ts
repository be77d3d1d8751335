import type { Core } from '@strapi/strapi';
import { assertAllowedUploads } from '../uploads/allow-list';
import { canonicalPath } from './canonical-path';

/** The media library's upload routes: admin (`/upload`) and content API (`/api/upload`), with their sub-paths. */
const UPLOAD_ROUTES = /^\/(api\/)?upload(\/|$)/;

/**
 * Checks every file of an upload request by content before Strapi's upload controller runs:
 * Strapi's own check drops a refused file from a batch and stores the rest; here one refused file
 * refuses the request. The upload service is guarded too (uploads/allow-list.ts), for callers
 * that do not come through these routes.
 */
export default (_config: unknown, _context: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  if (ctx.method === 'POST' && ctx.request.files && UPLOAD_ROUTES.test(canonicalPath(ctx.path))) {
    await assertAllowedUploads(Object.values(ctx.request.files).flat());
  }
  await next();
};
