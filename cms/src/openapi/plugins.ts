import type { Core } from '@strapi/strapi';
import type { OperationDocs, RouteLike, RouterInput } from './document';

/** Our plugins (plugins/*): the document covers their routes, not Strapi's own. */
export const DOCUMENTED_PLUGINS = [
  'leads',
  'webinars',
  'whitepapers',
  'booking',
  'calendar-sync',
  'odoo-sync',
  'analytics',
  'editorial',
  'newsletter',
] as const;

interface LoadedRouter {
  type?: string;
  routes?: RouteLike[];
  openapi?: Record<string, OperationDocs>;
}

/** The routers Strapi registered for our plugins, each with its plugin's `openapi` map. */
export function pluginRouters(strapi: Core.Strapi): RouterInput[] {
  return DOCUMENTED_PLUGINS.flatMap((plugin) => {
    const routes = strapi.plugin(plugin)?.routes as unknown as
      Record<string, LoadedRouter> | LoadedRouter[] | undefined;
    if (!routes || Array.isArray(routes)) return [];
    return Object.values(routes).map((router) => ({
      plugin,
      type: router.type === 'content-api' ? ('content-api' as const) : ('admin' as const),
      routes: router.routes ?? [],
      docs: router.openapi ?? {},
    }));
  });
}
