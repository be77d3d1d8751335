import type { Core } from '@strapi/strapi';
import { localeCodes } from './locales';

/**
 * Admin roles besides Super Admin, rewritten on every boot so their permissions follow the
 * content model (a new content type or locale is covered after the next start):
 * - Admin: everything but admin users, roles and the Settings section;
 * - Editor: create, edit, publish and delete content (all locales) and media; no settings;
 * - Viewer: read content and media.
 * Strapi's own first-boot Editor role (code strapi-editor) is adopted as our Editor.
 */
export const ROLES = {
  admin: { codes: ['magnetiq-admin'], name: 'Admin', description: 'Manages all content, media and plugins; no admin users, roles or settings.' },
  editor: { codes: ['magnetiq-editor', 'strapi-editor'], name: 'Editor', description: 'Creates, edits and publishes content and media in every locale; no settings.' },
  viewer: { codes: ['magnetiq-viewer'], name: 'Viewer', description: 'Reads content and media; changes nothing.' },
} as const;

type RoleKey = keyof typeof ROLES;
interface Action {
  actionId: string;
  section: string;
  subjects?: string[];
  pluginName?: string;
}
interface Permission {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
}

const CM = 'plugin::content-manager.explorer';
const EDITOR_CONTENT_ACTIONS = [`${CM}.create`, `${CM}.read`, `${CM}.update`, `${CM}.delete`, `${CM}.publish`];
const MEDIA_EDIT = ['plugin::upload.read', 'plugin::upload.assets.create', 'plugin::upload.assets.update', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];
const MEDIA_READ = ['plugin::upload.read', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];
/** Dashboards of counts (no personal data) that every role may read. */
const PLUGIN_READ = ['plugin::analytics.read'];
/** End users of the site are "users" too: only Super Admin manages them. */
const USERS_SUBJECTS = ['plugin::users-permissions.user'];

export async function syncAdminRoles(strapi: Core.Strapi): Promise<Record<RoleKey, number>> {
  const roleService = strapi.service('admin::role');
  const permissionService = strapi.service('admin::permission');
  const contentTypeService = strapi.service('admin::content-type');
  const actions = permissionService.actionProvider.values() as Action[];
  const locales = await localeCodes(strapi);

  const hidden = Object.values(strapi.contentTypes)
    .filter((ct: any) => ct?.pluginOptions?.['content-manager']?.visible === false)
    .map((ct: any) => ct.uid as string);
  const restrictedSubjects = [...USERS_SUBJECTS, ...hidden];

  const contentPermissions = (actionIds: string[]): Permission[] =>
    contentTypeService.getPermissionsWithNestedFields(
      actions.filter((action) => action.section === 'contentTypes' && actionIds.includes(action.actionId)),
      { restrictedSubjects }
    );

  const withLocales = async (permissions: Permission[]) =>
    Promise.all(
      permissions.map(async (permission) => {
        const applies = permission.subject && (await permissionService.actionProvider.appliesToProperty('locales', permission.action, permission.subject));
        return applies ? { ...permission, properties: { ...permission.properties, locales } } : permission;
      })
    );

  const plain = (actionIds: string[]): Permission[] => actionIds.filter((id) => actions.some((action) => action.actionId === id)).map((action) => ({ action }));

  const allContentActions = actions.filter((action) => action.section === 'contentTypes').map((action) => action.actionId);
  const pluginPermissions = actions
    .filter((action) => action.section === 'plugins' && action.pluginName !== 'users-permissions')
    .flatMap((action) => (Array.isArray(action.subjects) && action.subjects.length > 0 ? action.subjects.map((subject) => ({ action: action.actionId, subject })) : [{ action: action.actionId }]));

  const wanted: Record<RoleKey, Permission[]> = {
    admin: [...(await withLocales(contentPermissions(allContentActions))), ...pluginPermissions],
    editor: [...(await withLocales(contentPermissions(EDITOR_CONTENT_ACTIONS))), ...plain(MEDIA_EDIT), ...plain(PLUGIN_READ)],
    viewer: [...(await withLocales(contentPermissions([`${CM}.read`]))), ...plain(MEDIA_READ), ...plain(PLUGIN_READ)],
  };

  const ids = {} as Record<RoleKey, number>;
  for (const key of Object.keys(ROLES) as RoleKey[]) {
    const definition = ROLES[key];
    let role = null;
    for (const code of definition.codes) {
      role ??= await roleService.findOne({ code });
    }
    role ??= await roleService.findOne({ name: definition.name });
    if (!role) {
      role = await roleService.create({ name: definition.name, code: definition.codes[0], description: definition.description });
      strapi.log.info(`Created the admin role ${definition.name}.`);
    } else if (role.name !== definition.name || role.description !== definition.description) {
      role = await roleService.update({ id: role.id }, { name: definition.name, description: definition.description });
    }
    await roleService.assignPermissions(role.id, wanted[key]);
    ids[key] = role.id;
  }
  return ids;
}
