import type { Core } from '@strapi/strapi';

export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({
  index(ctx: any) {
    ctx.body = { data: { plugin: 'leads', ready: true } };
  },
});
