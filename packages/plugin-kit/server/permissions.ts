/**
 * A plugin's admin permissions, declared once: what Settings > Roles lists (`PERMISSION_ACTIONS`,
 * registered with Strapi's action provider at bootstrap) and the action ids the routes guard with
 * (`ACTIONS`), derived from the same table so the two cannot disagree.
 *
 * The table is grouped by what an action is about: `{ contacts: { read: 'Read contacts…' } }`
 * declares `plugin::<plugin>.contacts.read`, `ACTIONS.contacts.read`; a string at the top level,
 * `{ read: 'See analytics' }`, declares `plugin::<plugin>.read`, `ACTIONS.read`.
 */

/** Settings > Roles' label of each action: one level (`read`) or grouped by subject (`contacts.read`). */
export type PermissionTable = Record<string, string | Record<string, string>>;

/** The action ids of a `PermissionTable`, with the same keys. */
export type PermissionIds<Plugin extends string, Table extends PermissionTable> = {
  readonly [Key in keyof Table & string]: Table[Key] extends string
    ? `plugin::${Plugin}.${Key}`
    : { readonly [Verb in keyof Table[Key] & string]: `plugin::${Plugin}.${Key}.${Verb}` };
};

/** An action as Strapi's `actionProvider.registerMany` takes it. */
export interface PermissionAction {
  section: 'plugins';
  displayName: string;
  uid: string;
  pluginName: string;
  subCategory?: string;
}

export interface PermissionOptions {
  /** list each group as a sub-category of the plugin in Settings > Roles */
  subCategories?: boolean;
}

export function pluginPermissions<const Plugin extends string, const Table extends PermissionTable>(
  pluginName: Plugin,
  table: Table,
  { subCategories = false }: PermissionOptions = {},
): { ACTIONS: PermissionIds<Plugin, Table>; PERMISSION_ACTIONS: PermissionAction[] } {
  const PERMISSION_ACTIONS: PermissionAction[] = [];
  const ids: Record<string, string | Record<string, string>> = {};
  const declare = (uid: string, displayName: string, group?: string) => {
    PERMISSION_ACTIONS.push({
      section: 'plugins',
      displayName,
      uid,
      pluginName,
      ...(subCategories && group ? { subCategory: group } : {}),
    });
    return `plugin::${pluginName}.${uid}`;
  };
  for (const [key, entry] of Object.entries(table)) {
    ids[key] =
      typeof entry === 'string'
        ? declare(key, entry)
        : Object.fromEntries(
            Object.entries(entry).map(([verb, label]) => [verb, declare(`${key}.${verb}`, label, key)]),
          );
  }
  return { ACTIONS: ids as PermissionIds<Plugin, Table>, PERMISSION_ACTIONS };
}
