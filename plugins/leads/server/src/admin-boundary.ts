import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LEADS_UID_PREFIX, refusedSubject, withOwnedFields } from './domain/admin-boundary';
import { STRAPI_MANAGED_FIELDS } from '@magnetiq/plugin-kit/server';

/**
 * The admin's trust boundary (ADR 0017), wired in the leads plugin's register():
 * 1. every Content Manager route gets a policy that refuses lead types and hidden types, whatever
 *    the role's permissions say (a Super Admin has `explorer.read` on every type, hidden or not);
 * 2. the Document Service refuses lead types outright: lead rows are written with the Query Engine
 *    and read through the leads admin routes, which check `plugin::leads.*` and write the audit log;
 * 3. fields declared `writable: false` are owned by code: a Document Service write keeps their
 *    stored value whatever the input says (Strapi 5.54's admin sanitizer does not drop them).
 */

export const CONTENT_MANAGER_GUARD = 'plugin::leads.content-manager-guard';

/** Attributes Strapi itself manages; `writable: false` on them is Strapi's business, not ours. */
const STRAPI_MANAGED = new Set(STRAPI_MANAGED_FIELDS);
const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

/** What this file reads of a content type's schema. */
interface ContentTypeView {
  uid: string;
  pluginOptions?: Record<string, { visible?: boolean } | undefined>;
  attributes?: Record<string, { writable?: boolean; target?: string } | undefined>;
}
/** What a policy context carries here (the koa context's own properties, see contentManagerGuard). */
interface PolicyContextView {
  params?: Record<string, unknown>;
  request?: { query?: Record<string, unknown>; body?: unknown; method?: string; path?: string };
  state?: { user?: { id?: unknown } };
}
/** A Content Manager router: the routes whose policies we extend. */
interface RouterView {
  routes?: Array<{ config?: { policies?: unknown[] } }>;
}
/** What a Document Service middleware reads of its context. */
interface DocumentContextView {
  uid: string;
  action: string;
  params?: { documentId?: string; data?: unknown } & Record<string, unknown>;
}

const contentTypesOf = (strapi: Core.Strapi) => Object.values(strapi.contentTypes) as unknown as ContentTypeView[];

export const hiddenContentTypes = (strapi: Core.Strapi): Set<string> =>
  new Set(
    contentTypesOf(strapi)
      .filter((ct) => ct?.pluginOptions?.['content-manager']?.visible === false)
      .map((ct) => String(ct.uid).toLowerCase()),
  );

/** Per content type, the fields that only code writes (declared `writable: false` in the schema). */
export const codeOwnedFields = (strapi: Core.Strapi): Map<string, string[]> => {
  const owned = new Map<string, string[]>();
  for (const ct of contentTypesOf(strapi)) {
    if (!/^(plugin|api)::/.test(ct.uid)) continue;
    const fields = Object.entries(ct.attributes ?? {})
      .filter(([name, attribute]) => attribute?.writable === false && !STRAPI_MANAGED.has(name))
      .map(([name]) => name);
    if (fields.length > 0) owned.set(ct.uid, fields);
  }
  return owned;
};

/** The policy on every Content Manager route (see guardContentManagerRoutes). */
export const contentManagerGuard = (policyContext: unknown, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  // a policy context copies the koa context's own properties: params, request, state (not ctx.query)
  const ctx = policyContext as PolicyContextView;
  const params = (ctx.params ?? {}) as Record<string, unknown>;
  const model =
    typeof params.model === 'string'
      ? (strapi.contentTypes as unknown as Record<string, ContentTypeView | undefined>)[params.model]
      : undefined;
  const relationTarget =
    model && typeof params.targetField === 'string' ? (model.attributes?.[params.targetField]?.target ?? null) : null;
  const refused = refusedSubject(
    { params, query: ctx.request?.query, body: ctx.request?.body, relationTarget },
    { hidden: hiddenContentTypes(strapi) },
  );
  if (!refused) return true;
  strapi.log.warn(
    `content-manager: refused ${ctx.request?.method} ${ctx.request?.path} for admin user ${ctx.state?.user?.id ?? 'unknown'}: ${refused} is not served by the Content Manager`,
  );
  throw new errors.ForbiddenError(
    refused.startsWith(LEADS_UID_PREFIX)
      ? 'Lead data is read in the Leads pages, not in the Content Manager'
      : 'This content type is managed in its plugin’s pages, not in the Content Manager',
  );
};

/**
 * Puts the guard on the Content Manager's own routes. The check sits on the route, after the
 * router resolved it (case-insensitively) and decoded its parameters, so neither `/Content-Manager`
 * nor `plugin%3A%3Aleads.consent` gets past it. Runs in register(), before Strapi builds the router.
 */
export function guardContentManagerRoutes(strapi: Core.Strapi) {
  const plugin = strapi.plugin('content-manager') as unknown as
    { routes?: Record<string, RouterView | ((args: unknown) => RouterView)> } | undefined;
  if (!plugin?.routes) throw new Error('leads: the content-manager plugin has no routes to guard');
  const withGuard = (router: RouterView) => {
    for (const route of router?.routes ?? []) {
      route.config ??= {};
      const policies = route.config.policies ?? [];
      if (!policies.includes(CONTENT_MANAGER_GUARD)) route.config.policies = [CONTENT_MANAGER_GUARD, ...policies];
    }
    return router;
  };
  const routers = plugin.routes;
  for (const [key, router] of Object.entries(routers)) {
    routers[key] = typeof router === 'function' ? (args: unknown) => withGuard(router(args)) : withGuard(router);
  }
}

/** Document Service middleware: lead types are refused, code-owned fields keep their stored value. */
export function guardDocumentService(strapi: Core.Strapi) {
  let owned: Map<string, string[]> | null = null;
  strapi.documents.use(async (middlewareContext, next) => {
    const context = middlewareContext as unknown as DocumentContextView;
    const uid = String(context.uid);
    if (uid.startsWith(LEADS_UID_PREFIX)) {
      throw new errors.ForbiddenError(
        `${uid} is not available through the Document Service: lead rows are written by the leads plugin and read through its admin routes`,
      );
    }
    owned ??= codeOwnedFields(strapi);
    const fields = owned.get(uid);
    const data = context.params?.data as Record<string, unknown> | null | undefined;
    if (!fields || !WRITE_ACTIONS.has(context.action) || !data || typeof data !== 'object') return next();

    const documentId = context.params?.documentId;
    const rows = documentId
      ? await strapi.db.query(uid as UID.Schema).findMany({ where: { documentId }, select: fields })
      : [];
    const stored: Record<string, unknown> = {};
    for (const field of fields)
      stored[field] =
        rows
          .map((row: Record<string, unknown>) => row[field])
          .find((value: unknown) => value !== null && value !== undefined) ?? null;
    const ignored = fields.filter((field) => field in data && data[field] !== stored[field]);
    if (ignored.length > 0)
      strapi.log.warn(
        `${uid}: ${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} set by code only; the value sent to ${context.action} was ignored`,
      );
    context.params = { ...context.params, data: withOwnedFields(data, fields, stored) };
    return next();
  });
}
