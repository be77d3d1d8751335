import { describe, expect, it } from 'vitest';
import { api, adminToken, clientIp } from '../helpers/http';

describe('foundation', () => {
  it('answers the health check with 204', async () => {
    const response = await api('/_health');
    expect(response.status).toBe(204);
  });

  it('logs in the admin seeded from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const token = await adminToken();
    const me = await api('/admin/users/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(me.body.data.email).toBe('admin@magnetiq.test');
    expect(me.body.data.roles.map((role: { code: string }) => role.code)).toContain('strapi-super-admin');
  });

  it('rejects a wrong admin password without saying which part was wrong', async () => {
    const response = await api('/admin/login', {
      method: 'POST',
      ip: clientIp(),
      json: { email: 'admin@magnetiq.test', password: 'wrong-password-1' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Invalid credentials');
  });

  it("answers an unknown API route with Strapi's error shape", async () => {
    const response = await api('/api/does-not-exist');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      data: null,
      error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} },
    });
  });

  it('sends security headers', async () => {
    const response = await api('/_health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=31536000');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('loads the leads workspace plugin with its public routes (and no constant status route)', async () => {
    const response = await api('/api/leads/confirm');
    expect(response.status).toBeLessThan(500);
    expect(response.status).not.toBe(404);
    expect((await api('/api/leads/status')).status).toBe(404);
  });

  it.each([
    [
      'POST',
      '/api/auth/local/register',
      { username: 'mallory', email: 'mallory@example.com', password: 'Passw0rd!Passw0rd' },
    ],
    ['POST', '/api/auth/forgot-password', { email: 'admin@magnetiq.test' }],
    ['POST', '/api/auth/reset-password', { code: 'x', password: 'a', passwordConfirmation: 'a' }],
    ['POST', '/api/auth/local', { identifier: 'admin@magnetiq.test', password: 'x' }],
    ['GET', '/api/connect/github', undefined],
  ])('has no end-user account route: %s %s answers 404', async (method, path, json) => {
    const response = await api(path, { method, json, ip: clientIp() });
    expect(response.status).toBe(404);
    expect(response.body.error.name).toBe('NotFoundError');
  });
});
