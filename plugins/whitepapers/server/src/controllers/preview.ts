import type { Core } from '@strapi/strapi';
import { previewRead } from '@magnetiq/plugin-kit/server';
import { getService, leads } from '../utils';

/** The preview server's read of one whitepaper in any status (API tokens only: routes/content-api.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/whitepapers/preview/:documentId?locale=en&status=draft|published */
  findOne: previewRead({
    notFound: 'Whitepaper not found',
    resolveLocale: (value) => leads(strapi).locales.resolve(value),
    read: (documentId, locale, status) => getService(strapi, 'papers').preview(documentId, locale, status),
  }),
});
