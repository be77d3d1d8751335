import type { Core } from '@strapi/strapi';
import { guardContentManagerRoutes, guardDocumentService } from './admin-boundary';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // before Strapi builds its router (routes) and before anything writes documents
  guardContentManagerRoutes(strapi);
  guardDocumentService(strapi);
};
