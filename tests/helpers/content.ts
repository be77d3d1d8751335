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
  superToken ??= api('/admin/login', {
    method: 'POST',
    ip: clientIp(),
    json: { email: inject('adminEmail'), password: inject('adminPassword') },
  }).then((response) => {
    if (response.status !== 200)
      throw new Error(`admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.data.token as string;
  });
  return superToken;
}

const CM = '/content-manager/collection-types';

/** The admin's content-manager API, as the admin panel calls it. */
export const contentManager = (token: string) => ({
  create: (uid: string, data: unknown, locale = 'en') =>
    api(`${CM}/${uid}?locale=${locale}`, { method: 'POST', headers: auth(token), json: data }),
  update: (uid: string, documentId: string, data: unknown, locale = 'en') =>
    api(`${CM}/${uid}/${documentId}?locale=${locale}`, { method: 'PUT', headers: auth(token), json: data }),
  publish: (uid: string, documentId: string, locale = 'en') =>
    api(`${CM}/${uid}/${documentId}/actions/publish?locale=${locale}`, {
      method: 'POST',
      headers: auth(token),
      json: {},
    }),
  unpublish: (uid: string, documentId: string, locale = 'en') =>
    api(`${CM}/${uid}/${documentId}/actions/unpublish?locale=${locale}`, {
      method: 'POST',
      headers: auth(token),
      json: {},
    }),
  list: (uid: string, locale = 'en') => api(`${CM}/${uid}?locale=${locale}`, { headers: auth(token) }),
  remove: (uid: string, documentId: string, locale = 'en') =>
    api(`${CM}/${uid}/${documentId}?locale=${locale}`, { method: 'DELETE', headers: auth(token) }),
});

export const uniqueSlug = (prefix: string) => `${prefix}-${crypto.randomBytes(3).toString('hex')}`;

/** The query the site uses for a page: sections with their media and nested components, SEO with its image. */
export const PAGE_POPULATE = 'populate[sections][populate]=*&populate[seo][populate]=*';
