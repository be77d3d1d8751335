/**
 * Admin users in a given role, made the way an operator makes them: the Super Admin creates the
 * user through `/admin/users`, sets a password and activates it, and the user logs in through
 * `/admin/login`. Self-contained on purpose (other helpers have similar ones for other files).
 */
import crypto from 'node:crypto';
import { inject } from 'vitest';
import { api, clientIp } from './http';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function login(email: string, password: string): Promise<string> {
  // a fresh address per login: Strapi limits admin logins per email and IP
  const response = await api('/admin/login', { method: 'POST', ip: clientIp(), json: { email, password } });
  if (response.status !== 200) throw new Error(`admin login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token as string;
}

let superAdmin: Promise<string> | null = null;

/** The seeded Super Admin's JWT, logged in once per test file. */
export function superAdminJwt(): Promise<string> {
  superAdmin ??= login(inject('adminEmail'), inject('adminPassword'));
  return superAdmin;
}

export interface AdminRole {
  id: number;
  code: string;
  name: string;
}

/** An admin role by its code (`strapi-super-admin`, `magnetiq-editor`…) or its name (`Editor`), case-insensitive. */
export async function findAdminRole(codeOrName: string): Promise<AdminRole> {
  const roles = await api('/admin/roles', { headers: bearer(await superAdminJwt()) });
  if (roles.status !== 200) throw new Error(`listing admin roles failed: ${roles.status} ${JSON.stringify(roles.body)}`);
  const wanted = codeOrName.toLowerCase();
  const role = (roles.body.data as AdminRole[]).find((candidate) => candidate.code?.toLowerCase() === wanted || candidate.name.toLowerCase() === wanted);
  if (!role) throw new Error(`no admin role with code or name ${codeOrName}: ${roles.body.data.map((r: AdminRole) => `${r.name} (${r.code})`).join(', ')}`);
  return role;
}

export interface AdminUser {
  token: string;
  user: { id: number; email: string; firstname: string; lastname: string };
  email: string;
  password: string;
  role: AdminRole;
}

/** Creates an active admin user in the role (code or name) and logs it in. */
export async function createAdminUser(roleCodeOrName: string | AdminRole): Promise<AdminUser> {
  const superToken = await superAdminJwt();
  const role = typeof roleCodeOrName === 'string' ? await findAdminRole(roleCodeOrName) : roleCodeOrName;
  const label = role.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const email = `${label}-${crypto.randomBytes(4).toString('hex')}@magnetiq.test`;
  const password = `Trust-${crypto.randomBytes(6).toString('hex')}-9x`;
  const created = await api('/admin/users', { method: 'POST', headers: bearer(superToken), json: { email, firstname: role.name, lastname: 'Tester', roles: [role.id] } });
  if (created.status !== 201) throw new Error(`creating ${email} failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.data.id as number;
  const activated = await api(`/admin/users/${id}`, { method: 'PUT', headers: bearer(superToken), json: { password, isActive: true } });
  if (activated.status !== 200) throw new Error(`activating ${email} failed: ${activated.status} ${JSON.stringify(activated.body)}`);
  const token = await login(email, password);
  return { token, email, password, role, user: { id, email, firstname: role.name, lastname: 'Tester' } };
}
