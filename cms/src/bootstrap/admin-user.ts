import type { Core } from '@strapi/strapi';

/**
 * Creates the first Super Admin from ADMIN_EMAIL / ADMIN_PASSWORD when the database has no
 * admin yet, so `npm start` and the tests need no clicks in the registration screen.
 * Without those variables it only says how to create one.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi): Promise<void> {
  const existing = await strapi.db.query('admin::user').count();
  if (existing > 0) return;

  const email = process.env.ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) {
    strapi.log.info(
      'No admin user yet: open /admin to register one, or set ADMIN_EMAIL and ADMIN_PASSWORD and restart.',
    );
    return;
  }

  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdminRole) {
    strapi.log.warn('Super Admin role not found: the first admin was not created.');
    return;
  }
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: process.env.ADMIN_FIRSTNAME || 'Admin',
    lastname: process.env.ADMIN_LASTNAME || 'Magnetiq',
    isActive: true,
    registrationToken: null,
    roles: [superAdminRole.id],
  });
  strapi.log.info(`Created the first Super Admin (${email}).`);
}
