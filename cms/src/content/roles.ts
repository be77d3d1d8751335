import type { Core } from '@strapi/strapi';
import { localeCodes } from './locales';

/**
 * Admin roles besides Super Admin, rewritten on every boot so their permissions follow the
 * content model (a new content type or locale is covered after the next start). docs/roles.md
 * says what each may do; the permission matrix test (tests/integration/permission-matrix.test.ts)
 * holds every admin route and Content Manager type to it.
 * - Admin: everything but admin users, roles and the Settings section;
 * - Editor (marketing): content, media, the marketing side of the plugins (webinar sessions,
 *   whitepapers and their files, hosts' schedules) and analytics counts; no personal data of leads;
 * - Sales (CRM staff): contacts, timelines, consents and export through the leads plugin's own
 *   (audited) admin API, bookings, webinar registrations and whitepaper leads; no content, no erase;
 * - Viewer: reads content, media and analytics counts; changes nothing.
 * No role but Super Admin gets Content Manager rights on a hidden type (leads, bookings,
 * registrations...): their personal data is read only through the plugins' own routes.
 * Strapi's own first-boot Editor role (code strapi-editor) is adopted as our Editor.
 */
/** Strapi's own first-boot Author role (see the end of syncAdminRoles). */
const STRAPI_AUTHOR_CODE = 'strapi-author';

export const ROLES = {
  admin: {
    codes: ['magnetiq-admin'],
    name: 'Admin',
    description: 'Manages all content, media and plugins; no admin users, roles or settings.',
  },
  editor: {
    codes: ['magnetiq-editor', 'strapi-editor'],
    name: 'Editor',
    description:
      'Marketing: content and media in every locale, webinar sessions, whitepapers and their PDFs, meeting types and hosts’ schedules, analytics; no personal data of leads.',
  },
  sales: {
    codes: ['magnetiq-sales'],
    name: 'Sales',
    description:
      'CRM staff: contacts, timelines, consents and export, bookings, webinar registrations and whitepaper leads; no content editing, no erase.',
  },
  viewer: {
    codes: ['magnetiq-viewer'],
    name: 'Viewer',
    description: 'Reads content, media and analytics counts; changes nothing and sees no personal data.',
  },
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
const MEDIA_EDIT = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];
const MEDIA_READ = ['plugin::upload.read', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];
/** Dashboards of counts (no personal data) that every role may read. */
const ANALYTICS = ['plugin::analytics.read'];
/** The marketing side of our plugins: what the Webinars, Whitepapers and Booking pages need to schedule, upload and plan. */
const MARKETING_PLUGIN_ACTIONS = [
  'plugin::webinars.sessions.read',
  'plugin::webinars.sessions.manage',
  'plugin::whitepapers.stats.read',
  'plugin::whitepapers.papers.manage',
  'plugin::booking.schedules.read',
  'plugin::booking.schedules.manage',
];
/**
 * Editorial workflow (plugins/editorial): history and restore, review stages, releases. Settings
 * (which types have history and review) are Admin's; the audit log is Super Admin's alone.
 */
const EDITORIAL_EDITOR_ACTIONS = [
  'plugin::editorial.versions.read',
  'plugin::editorial.versions.restore',
  'plugin::editorial.stages.update',
  'plugin::editorial.releases.read',
  'plugin::editorial.releases.manage',
];
const EDITORIAL_VIEWER_ACTIONS = ['plugin::editorial.versions.read', 'plugin::editorial.releases.read'];
/** Plugin actions no role but Super Admin gets (Super Admin has every action). */
const SUPER_ADMIN_ONLY_ACTIONS = new Set(['plugin::editorial.audit.read']);
/**
 * CRM work: the leads plugin's contact routes (each read of a contact's detail and each export is
 * audited there), bookings and registrations; the sessions and hosts lists to find them. Erase and
 * the outbox (payloads carry live capability links) stay with Admin.
 */
const SALES_PLUGIN_ACTIONS = [
  'plugin::leads.contacts.read',
  'plugin::leads.contacts.export',
  'plugin::webinars.sessions.read',
  'plugin::webinars.registrations.read',
  'plugin::whitepapers.stats.read',
  'plugin::whitepapers.leads.export',
  'plugin::booking.schedules.read',
  'plugin::booking.bookings.read',
  'plugin::booking.bookings.manage',
];
/**
 * Newsletter (plugins/newsletter, docs/adr/0027): Editors compose, test-send, schedule and send;
 * Viewers see the statistics (counts); Sales sees a contact's campaign history (personal data).
 * The postal address in the settings stays with Admin.
 */
const NEWSLETTER = {
  editor: [
    'plugin::newsletter.stats.read',
    'plugin::newsletter.campaigns.manage',
    'plugin::newsletter.campaigns.send',
    'plugin::newsletter.topics.manage',
  ],
  sales: ['plugin::newsletter.stats.read', 'plugin::newsletter.history.read'],
  viewer: ['plugin::newsletter.stats.read'],
};
/** Contacts, consents, activities, emails, outbox and audit log: personal data and evidence. */
const PERSONAL_DATA_PREFIX = 'plugin::leads.';
/** End users of the site are "users" too: only Super Admin manages them. */
const USERS_SUBJECTS = ['plugin::users-permissions.user'];
/**
 * Fields below Admin: a host's email and calendar id, and a webinar's team calendar, decide where
 * booking invitations and calendar events go (and are a staff member's address); only Admin sets them.
 */
const ADMIN_ONLY_FIELDS: Record<string, string[]> = {
  'plugin::booking.host': ['email', 'calendarId'],
  'plugin::webinars.webinar': ['calendarId'],
};
/** Fields that code owns (set by the upload action): no editor writes them through the Content Manager. */
const CODE_OWNED_FIELDS: Record<string, string[]> = {
  'plugin::whitepapers.whitepaper': ['fileKey', 'fileSha256', 'fileSize', 'fileName'],
};

/** Drops fields from the field-level permissions of the given actions (all actions when none are named). */
export function withoutFields(
  permissions: Permission[],
  fieldsBySubject: Record<string, string[]>,
  actions?: string[],
): Permission[] {
  return permissions.map((permission) => {
    const dropped = permission.subject ? fieldsBySubject[permission.subject] : undefined;
    const fields = permission.properties?.fields;
    if (!dropped || !Array.isArray(fields) || (actions && !actions.includes(permission.action))) return permission;
    const kept = fields.filter(
      (field: string) => !dropped.some((name) => field === name || field.startsWith(`${name}.`)),
    );
    return { ...permission, properties: { ...permission.properties, fields: kept } };
  });
}

export async function syncAdminRoles(strapi: Core.Strapi): Promise<Record<RoleKey, number>> {
  const roleService = strapi.service('admin::role');
  const permissionService = strapi.service('admin::permission');
  const contentTypeService = strapi.service('admin::content-type');
  const actions = permissionService.actionProvider.values() as Action[];
  const locales = await localeCodes(strapi);

  const hidden = Object.values(strapi.contentTypes)
    .filter((ct: any) => ct?.pluginOptions?.['content-manager']?.visible === false)
    .map((ct: any) => ct.uid as string);
  // Leads are read only through the leads plugin's audited admin routes, hidden from the Content
  // Manager or not (belt and braces: a leads type made visible again still gets no role's rights).
  const leadsTypes = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith(PERSONAL_DATA_PREFIX));
  const restrictedSubjects = [...USERS_SUBJECTS, ...hidden, ...leadsTypes];

  const contentPermissions = (actionIds: string[]): Permission[] =>
    contentTypeService.getPermissionsWithNestedFields(
      actions.filter((action) => action.section === 'contentTypes' && actionIds.includes(action.actionId)),
      { restrictedSubjects },
    );

  const withLocales = async (permissions: Permission[]) =>
    Promise.all(
      permissions.map(async (permission) => {
        const applies =
          permission.subject &&
          (await permissionService.actionProvider.appliesToProperty('locales', permission.action, permission.subject));
        return applies ? { ...permission, properties: { ...permission.properties, locales } } : permission;
      }),
    );

  const plain = (actionIds: string[]): Permission[] =>
    actionIds.filter((id) => actions.some((action) => action.actionId === id)).map((action) => ({ action }));

  const allContentActions = actions
    .filter((action) => action.section === 'contentTypes')
    .map((action) => action.actionId);
  const pluginPermissions = actions
    .filter(
      (action) =>
        action.section === 'plugins' &&
        action.pluginName !== 'users-permissions' &&
        !SUPER_ADMIN_ONLY_ACTIONS.has(action.actionId),
    )
    .flatMap((action) =>
      Array.isArray(action.subjects) && action.subjects.length > 0
        ? action.subjects.map((subject) => ({ action: action.actionId, subject }))
        : [{ action: action.actionId }],
    );

  const editorContent = withoutFields(
    withoutFields(await withLocales(contentPermissions(EDITOR_CONTENT_ACTIONS)), ADMIN_ONLY_FIELDS),
    CODE_OWNED_FIELDS,
    [`${CM}.create`, `${CM}.update`],
  );
  const wanted: Record<RoleKey, Permission[]> = {
    admin: [...(await withLocales(contentPermissions(allContentActions))), ...pluginPermissions],
    editor: [
      ...editorContent,
      ...plain(MEDIA_EDIT),
      ...plain(ANALYTICS),
      ...plain(MARKETING_PLUGIN_ACTIONS),
      ...plain(EDITORIAL_EDITOR_ACTIONS),
      ...plain(NEWSLETTER.editor),
    ],
    sales: [...plain(SALES_PLUGIN_ACTIONS), ...plain(ANALYTICS), ...plain(NEWSLETTER.sales)],
    viewer: [
      ...withoutFields(await withLocales(contentPermissions([`${CM}.read`])), ADMIN_ONLY_FIELDS),
      ...plain(MEDIA_READ),
      ...plain(ANALYTICS),
      ...plain(EDITORIAL_VIEWER_ACTIONS),
      ...plain(NEWSLETTER.viewer),
    ],
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
      role = await roleService.create({
        name: definition.name,
        code: definition.codes[0],
        description: definition.description,
      });
      strapi.log.info(`Created the admin role ${definition.name}.`);
    } else if (role.name !== definition.name || role.description !== definition.description) {
      role = await roleService.update({ id: role.id }, { name: definition.name, description: definition.description });
    }
    await roleService.assignPermissions(role.id, wanted[key]);
    ids[key] = role.id;
  }

  // Strapi's first-boot Author role is none of ours: with its defaults it could create hosts with
  // any email and calendar id. Gone when nobody holds it; otherwise reduced to the Viewer's rights.
  const author = await roleService.findOne({ code: STRAPI_AUTHOR_CODE });
  if (author) {
    if ((await roleService.getUsersCount(author.id)) === 0) {
      await roleService.deleteByIds([author.id]);
      strapi.log.info(`Removed Strapi's default Author role (not a Magnetiq role, nobody held it).`);
    } else {
      await roleService.assignPermissions(author.id, wanted.viewer);
      strapi.log.warn(
        `Strapi's default Author role still has users: it now has the Viewer's rights. Move them to a Magnetiq role.`,
      );
    }
  }
  return ids;
}
