import crypto from 'node:crypto';
import { inject } from 'vitest';
import { api, clientIp } from './http';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

let superToken: Promise<string> | null = null;

/**
 * The Super Admin's JWT, logged in once per test file from an address of its own: Strapi allows
 * 5 admin logins per email, path and IP in 5 minutes, and other test files log in too.
 */
export function superAdminToken(): Promise<string> {
  superToken ??= api('/admin/login', { method: 'POST', ip: clientIp(), json: { email: inject('adminEmail'), password: inject('adminPassword') } }).then((response) => {
    if (response.status !== 200) throw new Error(`admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.data.token as string;
  });
  return superToken;
}

/** Creates an admin user with the named role through the admin API and returns its JWT. */
export async function adminWithRole(roleName: string): Promise<{ token: string; email: string }> {
  const superToken = await superAdminToken();
  const roles = await api('/admin/roles', { headers: auth(superToken) });
  const role = roles.body.data.find((candidate: { name: string }) => candidate.name === roleName);
  if (!role) throw new Error(`no admin role named ${roleName}: ${JSON.stringify(roles.body)}`);
  const email = `${roleName.toLowerCase()}-${crypto.randomBytes(4).toString('hex')}@magnetiq.test`;
  const created = await api('/admin/users', { method: 'POST', headers: auth(superToken), json: { email, firstname: roleName, lastname: 'Tester', roles: [role.id] } });
  if (created.status !== 201) throw new Error(`creating ${email} failed: ${created.status} ${JSON.stringify(created.body)}`);
  const registered = await api('/admin/register', {
    method: 'POST',
    ip: clientIp(),
    json: { registrationToken: created.body.data.registrationToken, userInfo: { firstname: roleName, lastname: 'Tester', password: 'Role-Passw0rd!' } },
  });
  if (registered.status !== 200) throw new Error(`registering ${email} failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  return { token: registered.body.data.token, email };
}

const CM = '/content-manager/collection-types';

/** The admin's content-manager API, as the admin panel calls it. */
export const contentManager = (token: string) => ({
  create: (uid: string, data: unknown, locale = 'en') => api(`${CM}/${uid}?locale=${locale}`, { method: 'POST', headers: auth(token), json: data }),
  update: (uid: string, documentId: string, data: unknown, locale = 'en') => api(`${CM}/${uid}/${documentId}?locale=${locale}`, { method: 'PUT', headers: auth(token), json: data }),
  publish: (uid: string, documentId: string, locale = 'en') => api(`${CM}/${uid}/${documentId}/actions/publish?locale=${locale}`, { method: 'POST', headers: auth(token), json: {} }),
  unpublish: (uid: string, documentId: string, locale = 'en') => api(`${CM}/${uid}/${documentId}/actions/unpublish?locale=${locale}`, { method: 'POST', headers: auth(token), json: {} }),
  list: (uid: string, locale = 'en') => api(`${CM}/${uid}?locale=${locale}`, { headers: auth(token) }),
  remove: (uid: string, documentId: string, locale = 'en') => api(`${CM}/${uid}/${documentId}?locale=${locale}`, { method: 'DELETE', headers: auth(token) }),
});

export const uniqueSlug = (prefix: string) => `${prefix}-${crypto.randomBytes(3).toString('hex')}`;

/** The query the site uses for a page: sections with their media and nested components, SEO with its image. */
export const PAGE_POPULATE = 'populate[sections][populate]=*&populate[seo][populate]=*';
