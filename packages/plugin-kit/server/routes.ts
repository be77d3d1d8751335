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
