import type { Core } from '@strapi/strapi';
import { servedInline } from '../uploads/media-types';
import { canonicalPath } from './canonical-path';

/**
 * Media files come from the CMS's own origin, where the admin runs. Only the allowed images are
 * shown inline; every other file (PDF, video, and anything stored before the allow-list existed,
 * such as an old SVG or HTML file) is a download, and no file's type is sniffed.
 */
export default (_config: unknown, _context: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  await next();
  const path = canonicalPath(ctx.path);
  if (!path.startsWith('/uploads/')) return;
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (!servedInline(path)) ctx.set('Content-Disposition', 'attachment');
};
