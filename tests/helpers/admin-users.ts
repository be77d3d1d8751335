/**
 * Admin users in each of our roles, created the way a Super Admin adds a colleague: invite through
 * `POST /admin/users` (the role by name, or any role object, e.g. one a test made), then the
 * colleague registers with the invitation token. One user per role and test file (cached) through
 * `adminUser`, so a table of routes × roles logs in six times, not hundreds (Strapi limits admin
 * logins per email and IP).
 */
import crypto from 'node:crypto';
import { api, clientIp } from './http';
import { auth, superAdminToken } from './content';

export const ROLE_NAMES = ['Viewer', 'Sales', 'Editor', 'Admin', 'Super Admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface AdminRole {
  id: number;
  code?: string;
  name: string;
}

export interface AdminUser {
  role: string;
  email: string;
  password: string;
  token: string;
}

const PASSWORD = 'Role-Passw0rd!';
const users = new Map<RoleName, Promise<AdminUser>>();

export async function findAdminRole(roleName: string): Promise<AdminRole> {
  const roles = await api('/admin/roles', { headers: auth(await superAdminToken()) });
  const role = roles.body?.data?.find((candidate: AdminRole) => candidate.name === roleName);
  if (!role) throw new Error(`no admin role named ${roleName}: ${JSON.stringify(roles.body)}`);
  return role;
}

export async function roleId(roleName: RoleName): Promise<number> {
  return (await findAdminRole(roleName)).id;
}

/** A new admin user with this role, registered and logged in. */
export async function createAdminUser(roleNameOrRole: string | AdminRole): Promise<AdminUser> {
  const superToken = await superAdminToken();
  const role = typeof roleNameOrRole === 'string' ? await findAdminRole(roleNameOrRole) : roleNameOrRole;
  const label = role.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const email = `${label}-${crypto.randomBytes(4).toString('hex')}@magnetiq.test`;
  const created = await api('/admin/users', {
    method: 'POST',
    headers: auth(superToken),
    json: { email, firstname: role.name, lastname: 'Tester', roles: [role.id] },
  });
  if (created.status !== 201)
    throw new Error(`creating ${email} failed: ${created.status} ${JSON.stringify(created.body)}`);
  const registered = await api('/admin/register', {
    method: 'POST',
    ip: clientIp(),
    json: {
      registrationToken: created.body.data.registrationToken,
      userInfo: { firstname: role.name, lastname: 'Tester', password: PASSWORD },
    },
  });
  if (registered.status !== 200)
    throw new Error(`registering ${email} failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  return { role: role.name, email, password: PASSWORD, token: registered.body.data.token };
}

/** The one user of this role in this test file. */
export function adminUser(roleName: RoleName): Promise<AdminUser> {
  let user = users.get(roleName);
  if (!user) {
    user = createAdminUser(roleName);
    users.set(roleName, user);
  }
  return user;
}
