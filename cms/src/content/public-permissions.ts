import type { Core } from '@strapi/strapi';
import { SITE_CONTENT_UIDS } from './uids';

/** i18n's list of configured locales: the site's build reads which languages to build from it. */
export const LIST_LOCALES_ACTION = 'plugin::i18n.locales.listLocales';

/**
 * The users-permissions Public role reads the site's content (find/findOne; the routes force
 * status=published) and the configured locales, and nothing else of it. Synced on every boot: a write permission someone
 * ticked by mistake in Settings is removed again.
 */
export async function syncPublicPermissions(strapi: Core.Strapi): Promise<void> {
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!publicRole) {
    strapi.log.warn('users-permissions Public role not found: public read access not configured.');
    return;
  }
  const wanted = new Set<string>();
  for (const uid of SITE_CONTENT_UIDS) {
    const kind = strapi.contentType(uid).kind;
    wanted.add(`${uid}.find`);
    if (kind === 'collectionType') wanted.add(`${uid}.findOne`);
  }
  wanted.add(LIST_LOCALES_ACTION);
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = (await permissions.findMany({ where: { role: publicRole.id } })) as Array<{
    id: number;
    action: string;
  }>;
  const present = new Set(existing.map((permission) => permission.action));

  const unwanted = existing.filter(
    (permission) =>
      SITE_CONTENT_UIDS.some((uid) => permission.action.startsWith(`${uid}.`)) && !wanted.has(permission.action),
  );
  if (unwanted.length > 0) {
    await permissions.deleteMany({ where: { id: { $in: unwanted.map((permission) => permission.id) } } });
    strapi.log.warn(
      `Removed ${unwanted.map((permission) => permission.action).join(', ')} from the Public role: the public API is read-only.`,
    );
  }
  for (const action of wanted) {
    if (!present.has(action)) await permissions.create({ data: { action, role: publicRole.id } });
  }
}
