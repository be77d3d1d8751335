import { describe, expect, it } from 'vitest';
import { adminGuard, adminRoutes, publicForm, publicRoutes } from './routes';

describe('adminRoutes', () => {
  it('makes one guarded route per line, with every permission written into it', () => {
    const read = 'plugin::x.read';
    const manage = 'plugin::x.manage';
    expect(
      adminRoutes`
        // a comment line
        GET /things admin.list ${read}

        POST /things/:documentId/import admin.importThing ${manage} ${read}
      `,
    ).toEqual({
      type: 'admin',
      routes: [
        { method: 'GET', path: '/things', handler: 'admin.list', config: adminGuard(read) },
        {
          method: 'POST',
          path: '/things/:documentId/import',
          handler: 'admin.importThing',
          config: adminGuard(manage, read),
        },
      ],
    });
  });

  it('refuses a route without a permission, an unknown method, a bad handler or extra words', () => {
    expect(() => adminRoutes`GET /things admin.list`).toThrow(/names the permissions/);
    expect(() => adminRoutes`GET /things admin.list ${''}`).toThrow(/names the permissions/);
    expect(() => adminRoutes`FETCH /things admin.list ${'p'}`).toThrow(/method must be/);
    expect(() => adminRoutes`GET things admin.list ${'p'}`).toThrow(/path must start/);
    expect(() => adminRoutes`GET /things list ${'p'}`).toThrow(/controller\.action/);
    expect(() => adminRoutes`GET /things admin.list extra ${'p'}`).toThrow(/unexpected words: extra/);
    expect(() => adminRoutes`GET /things ${'p'} admin.list`).toThrow(/after the handler/);
  });
});

describe('publicRoutes', () => {
  it('makes routes without authentication unless a line brings its own config', () => {
    expect(
      publicRoutes`
        GET /papers/:slug public.detail
        POST /requests public.request ${publicForm}
      `,
    ).toEqual({
      type: 'content-api',
      routes: [
        { method: 'GET', path: '/papers/:slug', handler: 'public.detail', config: { auth: false } },
        {
          method: 'POST',
          path: '/requests',
          handler: 'public.request',
          config: { auth: false, middlewares: ['plugin::leads.form-guard'] },
        },
      ],
    });
  });

  it('gives each route its own default config object', () => {
    const { routes } = publicRoutes`
      GET /a public.a
      GET /b public.b
    `;
    expect(routes[0].config).not.toBe(routes[1].config);
  });

  it('refuses two configs on a line', () => {
    expect(() => publicRoutes`POST /a public.a ${publicForm} ${publicForm}`).toThrow(/at most one/);
  });
});
