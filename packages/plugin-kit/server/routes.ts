import { errors } from '@strapi/utils';

/**
 * An admin route's `config`: a signed-in admin holding every listed permission (Strapi's
 * hasPermissions checks them all). Each route names its own `plugin::<id>.*` action.
 */
export const adminGuard = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

/** Strapi's name of the content-API token strategy (5.54: `content-api-token`; earlier 5.x: `api-token`). */
export const API_TOKEN_STRATEGIES = ['content-api-token', 'api-token'];

/** Whether the request was authenticated with a content-API token. */
export const byApiToken = (ctx: { state?: { auth?: { strategy?: { name?: string } } } }) =>
  API_TOKEN_STRATEGIES.includes(ctx.state?.auth?.strategy?.name ?? '');

/** A route middleware: anything but a content-API token is a 403 in Strapi's format (PolicyError). */
export const apiTokenOnly = async (
  ctx: { state?: { auth?: { strategy?: { name?: string } } } },
  next: () => Promise<unknown>,
) => {
  if (!byApiToken(ctx)) throw new errors.PolicyError('Drafts are read with an API token only');
  await next();
};

/**
 * A content-API route's `config` for reading drafts (the preview server, docs/adr/0028): Strapi
 * authenticates it (no `auth: false`); the handler is named `….findOne`, a scope Strapi lets a
 * read-only API token call; and `apiTokenOnly` refuses everyone else, so a users-permissions role
 * given the action by mistake (the Public role included) still gets a 403. (Strapi 5.54 resolves
 * route policies by name only; route middlewares may be functions, and run after authentication.)
 */
export const draftReadGuard = () => ({ middlewares: [apiTokenOnly] });
/** A public route that takes a form: the leads core's guard (JSON only, allowed Origin, small bodies). */
export const publicForm = { auth: false as const, middlewares: ['plugin::leads.form-guard'] };

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteConfig {
  auth?: false;
  policies?: unknown[];
  /** middleware names, or functions (which run after authentication, e.g. `apiTokenOnly`) */
  middlewares?: Array<string | ((ctx: never, next: () => Promise<unknown>) => Promise<unknown>)>;
}

export interface PluginRoute {
  method: RouteMethod;
  path: string;
  handler: string;
  config: RouteConfig;
}

/** One line of a route table: its words (method, path, handler) and the values written into it. */
interface RouteLine {
  text: string;
  words: string[];
  values: unknown[];
  /** a value written before the handler */
  misplaced?: boolean;
}

/** The lines of a tagged route table; `//` lines and blank lines are comments. */
function tableLines(strings: TemplateStringsArray, values: unknown[]): RouteLine[] {
  const lines: RouteLine[] = [];
  let current: RouteLine = { text: '', words: [], values: [] };
  const end = () => {
    const text = current.text.trim();
    if (text && !text.startsWith('//')) lines.push({ ...current, text });
    current = { text: '', words: [], values: [] };
  };
  strings.forEach((part, index) => {
    part.split('\n').forEach((piece, at) => {
      if (at > 0) end();
      current.text += piece;
      current.words.push(...piece.split(/\s+/).filter(Boolean));
    });
    if (index < values.length) {
      if (current.words.length < 3) current.misplaced = true;
      current.text += `\${${typeof values[index]}}`;
      current.values.push(values[index]);
    }
  });
  end();
  return lines;
}

function route(line: RouteLine, config: RouteConfig): PluginRoute {
  const [method, path, handler, ...rest] = line.words;
  const fault = (why: string) => new Error(`route table line "${line.text}": ${why}`);
  if (!METHODS.has(method)) throw fault(`method must be one of ${[...METHODS].join(', ')}`);
  if (!path?.startsWith('/')) throw fault('the path must start with /');
  if (!/^[a-z][\w-]*\.[a-zA-Z]\w*$/.test(handler ?? '')) throw fault('the handler must be controller.action');
  if (rest.length) throw fault(`unexpected words: ${rest.join(' ')}`);
  if (line.misplaced) throw fault('a value belongs after the handler');
  return { method: method as RouteMethod, path, handler, config };
}

/**
 * A plugin's admin routes, one line per route: `METHOD /path controller.action ${ACTIONS.x}`.
 * Every route is guarded (`adminGuard`) by the permissions written into its line (all of them
 * required, at least one). A malformed line throws when the plugin loads.
 */
export function adminRoutes(strings: TemplateStringsArray, ...values: string[]) {
  const routes = tableLines(strings, values).map((line) => {
    if (!line.values.length || line.values.some((value) => typeof value !== 'string' || !value))
      throw new Error(`route table line "${line.text}": an admin route names the permissions it needs`);
    return route(line, adminGuard(...(line.values as string[])));
  });
  return { type: 'admin' as const, routes };
}

/**
 * A plugin's content-API routes, one line per route: `METHOD /path controller.action`, without
 * authentication (our public API has none); `${publicForm}` (or another config) written into a line
 * replaces that default. A malformed line throws when the plugin loads.
 */
export function publicRoutes(strings: TemplateStringsArray, ...values: RouteConfig[]) {
  const routes = tableLines(strings, values).map((line) => {
    if (line.values.length > 1 || line.values.some((value) => typeof value !== 'object' || value === null))
      throw new Error(`route table line "${line.text}": at most one route config object`);
    return route(line, (line.values[0] as RouteConfig | undefined) ?? { auth: false });
  });
  return { type: 'content-api' as const, routes };
}
