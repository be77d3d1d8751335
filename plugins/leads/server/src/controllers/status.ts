import type { Core } from '@strapi/strapi';
import type { RequestContext } from '@magnetiq/plugin-kit/server';

export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({
  index(ctx: RequestContext) {
    ctx.body = { data: { plugin: 'leads', ready: true } };
  },
});
