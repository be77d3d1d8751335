/** One admin permission as `useRBAC` and `Page.Protect` take it (no subject: plugin actions). */
export interface AdminPermission {
  action: string;
  subject: null;
}

/**
 * A plugin's `PERMISSIONS` map from its action names, e.g.
 * `pluginPermissions('leads', { contactsRead: 'contacts.read', any: ['a.read', 'b.read'] })` gives
 * `{ contactsRead: [{ action: 'plugin::leads.contacts.read', subject: null }], any: [..., ...] }`.
 * Call it once at module level: `useRBAC` and `Page.Protect` re-check whenever an array's identity
 * changes, so each array must be a module constant.
 */
export const pluginPermissions = <Key extends string>(
  pluginId: string,
  actions: Record<Key, string | readonly string[]>,
): Record<Key, AdminPermission[]> =>
  Object.fromEntries(
    Object.entries<string | readonly string[]>(actions).map(([key, names]) => [
      key,
      (typeof names === 'string' ? [names] : names).map((name) => ({
        action: `plugin::${pluginId}.${name}`,
        subject: null,
      })),
    ]),
  ) as Record<Key, AdminPermission[]>;
