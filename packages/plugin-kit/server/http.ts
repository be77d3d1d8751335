import type { Context } from 'koa';

/**
 * The Koa context of a Strapi route handler, with what Strapi's router adds: route params, and the
 * admin user on admin routes. The body (koa-body) and the query are the client's: validate them.
 */
export type RequestContext = Context & {
  params: Record<string, string>;
  state: { user?: AdminUser };
};

/** The admin user Strapi puts on `ctx.state.user` on admin routes. */
export interface AdminUser {
  id: number;
  email?: string;
  firstname?: string | null;
  lastname?: string | null;
  roles?: Array<{ code: string }>;
}

/** An instant as a row holds it: a Date from PostgreSQL, or its ISO 8601 text once it went through JSON. */
export type Instant = Date | string;

/** The page of an admin list a service is asked for (1-based; each service keeps its own default size). */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}
