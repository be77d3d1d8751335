import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DOCUMENT_ID, type RequestContext } from '@magnetiq/plugin-kit/server';
import { validateWhitepaperInput } from '../validation/request';
import { getService, leads } from '../utils';

const documentIdOf = (ctx: RequestContext) => {
  const { documentId } = ctx.params;
  if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId))
    throw new errors.NotFoundError('Whitepaper not found');
  return documentId;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Every paper (draft side, one line per locale) with request and download totals. */
  async list(ctx: RequestContext) {
    const [papers, totals] = await Promise.all([
      getService(strapi, 'papers').adminList(),
      getService(strapi, 'stats').totals(),
    ]);
    ctx.body = {
      data: papers.map((paper) => ({
        ...paper,
        totals: totals[paper.documentId] ?? { requests: 0, converted: 0, downloads: 0 },
      })),
    };
  },

  async create(ctx: RequestContext) {
    const input = await validateWhitepaperInput(ctx.request.body ?? {});
    input.locale = await leads(strapi).locales.resolve(input.locale);
    const documentId = await getService(strapi, 'papers').create(input);
    ctx.status = 201;
    ctx.body = { data: { documentId } };
  },

  /** multipart/form-data with one `file` field: the PDF. */
  async uploadFile(ctx: RequestContext) {
    const documentId = documentIdOf(ctx);
    const files = ctx.request.files ?? {};
    const upload = Array.isArray(files.file) ? files.file[0] : files.file;
    if (!upload?.filepath) throw new errors.ValidationError('Send the PDF as the multipart field "file"');
    const stored = await getService(strapi, 'papers').attachFile(documentId, upload);
    ctx.body = { data: { fileName: stored.fileName, fileSize: stored.fileSize } };
  },

  async stats(ctx: RequestContext) {
    const documentId = documentIdOf(ctx);
    ctx.body = { data: await getService(strapi, 'stats').forWhitepaper(documentId) };
  },

  async exportLeads(ctx: RequestContext) {
    const documentId = documentIdOf(ctx);
    const csv = await getService(strapi, 'stats').leadsCsv(documentId);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="whitepaper-${documentId}-leads.csv"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = csv;
    await leads(strapi).audit.adminRead(ctx.state.user, 'whitepaper.leads.export', {
      type: 'whitepaper',
      id: documentId,
    });
  },
});
