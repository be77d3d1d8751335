import { errors } from '@strapi/utils';

/**
 * Strapi 5's REST API honours `?status=draft` for anyone allowed to `find`, so the public role
 * could read unpublished pages. Drafts are for API tokens only (the site's preview build);
 * public callers get published content, and asking for drafts is a 403 (PolicyError) in Strapi's format.
 */
export const publishedOnly = async (ctx: any, next: () => Promise<unknown>) => {
  const status = ctx.query?.status;
  // Strapi 5.54 names the content API token strategy 'content-api-token' (earlier 5.x: 'api-token')
  const byToken = ['content-api-token', 'api-token'].includes(ctx.state?.auth?.strategy?.name);
  if (status !== undefined && status !== 'published' && !byToken) {
    // PolicyError: the one 403 whose message Strapi passes through to the client
    throw new errors.PolicyError('Only published content is available without an API token', { status });
  }
  if (!byToken) ctx.query = { ...ctx.query, status: 'published' };
  await next();
};
