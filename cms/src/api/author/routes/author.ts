import { factories } from '@strapi/strapi';
import { publishedOnly } from '../../../content/published-only';

// Read-only for the public site (create/update/delete happen in the admin); drafts only with an API token.
export default factories.createCoreRouter('api::author.author', {
  only: ['find', 'findOne'],
  config: {
    find: { middlewares: [publishedOnly] },
    findOne: { middlewares: [publishedOnly] },
  },
});
