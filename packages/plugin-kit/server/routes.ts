/**
 * An admin route's `config`: a signed-in admin holding every listed permission (Strapi's
 * hasPermissions checks them all). Each route names its own `plugin::<id>.*` action.
 */
export const adminGuard = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});
