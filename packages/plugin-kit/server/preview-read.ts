import { errors } from '@strapi/utils';
import { DOCUMENT_ID } from './document-id';
import type { RequestContext } from './http';

export type PreviewStatus = 'draft' | 'published';

/**
 * The handler of a plugin's preview read, `GET /api/<plugin>/preview/:documentId?locale=&status=`
 * (docs/adr/0028-preview-redirects-builder.md): one entry in the status asked for (default draft),
 * in the public answer's shape, never cached. Its route takes API tokens only (`draftReadGuard`);
 * the plugin's public routes stay published-only.
 */
export const previewRead =
  ({
    notFound,
    resolveLocale,
    read,
  }: {
    /** the 404's message, e.g. 'Webinar not found' */
    notFound: string;
    /** a configured locale (the default when missing), else a 400: the leads core's `locales.resolve` */
    resolveLocale: (value: unknown) => Promise<string>;
    read: (documentId: string, locale: string, status: PreviewStatus) => Promise<object | null>;
  }) =>
  async (ctx: RequestContext) => {
    const documentId = ctx.params.documentId;
    if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) throw new errors.NotFoundError(notFound);
    const status = ctx.query?.status ?? 'draft';
    if (status !== 'draft' && status !== 'published')
      throw new errors.ValidationError('status must be draft or published');
    const locale = await resolveLocale(ctx.query?.locale);
    ctx.set('Cache-Control', 'no-store');
    const entry = await read(documentId, locale, status);
    if (!entry) throw new errors.NotFoundError(notFound);
    ctx.body = { data: entry, meta: {} };
  };
