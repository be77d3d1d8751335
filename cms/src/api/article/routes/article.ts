import { factories } from '@strapi/strapi';
import { publishedOnly } from '../../../content/published-only';
import { publicResponseCache } from '../../../content/response-cache';

// Read-only for the public site (create/update/delete happen in the admin); drafts only with an
// API token; public answers cached until the next publish (src/content/response-cache.ts).
export default factories.createCoreRouter('api::article.article', {
  only: ['find', 'findOne'],
  config: {
    find: { middlewares: [publishedOnly, publicResponseCache] },
    findOne: { middlewares: [publishedOnly, publicResponseCache] },
  },
});
