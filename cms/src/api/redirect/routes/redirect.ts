import { factories } from '@strapi/strapi';
import { publicResponseCache } from '../../../content/response-cache';

// Read-only for the site's build (it writes the nginx map and the static redirect pages); editors
// add and remove redirects in the admin (src/content/redirects.ts checks them).
export default factories.createCoreRouter('api::redirect.redirect', {
  only: ['find'],
  config: {
    find: { middlewares: [publicResponseCache] },
  },
});
