import { beforeEach, describe, expect, it } from 'vitest';
import { contentChanged, invalidateContentCache, publicResponseCache } from './response-cache';

function fakeCtx(url: string, headers: Record<string, string> = {}) {
  const set: Record<string, string> = {};
  return {
    method: 'GET',
    url,
    status: 404,
    body: undefined as unknown,
    type: '',
    get: (name: string) => headers[name.toLowerCase()] ?? '',
    set: (name: string, value: string) => (set[name] = value),
    sent: set,
  };
}


describe('publicResponseCache', () => {
  let calls = 0;
  const serve = (ctx: any, body: unknown, during?: () => void) =>
    publicResponseCache(ctx, async () => {
      calls += 1;
      during?.();
      ctx.status = 200;
      ctx.body = body;
    });

  beforeEach(() => {
    calls = 0;
    invalidateContentCache();
    process.env.CONTENT_CACHE_TTL_MS = '60000';
  });

  it('answers the second identical request from memory', async () => {
    await serve(fakeCtx('/api/pages?locale=en'), { data: [1] });
    const again = fakeCtx('/api/pages?locale=en');
    await serve(again, { data: ['never built'] });
    expect(calls).toBe(1);
    expect(JSON.parse(again.body as string)).toEqual({ data: [1] });
    expect(again.sent['X-Content-Cache']).toBe('HIT');
  });

  it('keys on the whole URL, locale included', async () => {
    await serve(fakeCtx('/api/pages?locale=en'), { data: ['en'] });
    await serve(fakeCtx('/api/pages?locale=de'), { data: ['de'] });
    expect(calls).toBe(2);
  });

  it('forgets everything when content changes', async () => {
    await serve(fakeCtx('/api/pages'), { data: [1] });
    contentChanged();
    await serve(fakeCtx('/api/pages'), { data: [2] });
    expect(calls).toBe(2);
  });

  it('does not keep an answer built while content changed', async () => {
    await serve(fakeCtx('/api/pages'), { data: ['old'] }, contentChanged);
    await serve(fakeCtx('/api/pages'), { data: ['new'] });
    expect(calls).toBe(2);
  });

  it('passes authenticated requests and errors through uncached', async () => {
    await serve(fakeCtx('/api/pages', { authorization: 'Bearer token' }), { data: [1] });
    await serve(fakeCtx('/api/pages', { authorization: 'Bearer token' }), { data: [1] });
    const failing = fakeCtx('/api/broken');
    await publicResponseCache(failing, async () => {
      calls += 1;
      failing.status = 400;
      failing.body = { error: {} };
    });
    await serve(fakeCtx('/api/broken'), { data: [] });
    expect(calls).toBe(4);
  });

  it('is off with CONTENT_CACHE_TTL_MS=0', async () => {
    process.env.CONTENT_CACHE_TTL_MS = '0';
    await serve(fakeCtx('/api/pages'), { data: [1] });
    await serve(fakeCtx('/api/pages'), { data: [1] });
    expect(calls).toBe(2);
  });
});
