import { beforeEach, describe, expect, it } from 'vitest';
import {
  cacheLimits,
  contentChanged,
  contentChangedOnCommit,
  createResponseCache,
  DEFAULT_MAX_BYTES,
  invalidateContentCache,
  publicResponseCache,
} from './response-cache';

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
    delete process.env.CONTENT_CACHE_MAX_BYTES;
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

  it('forgets again when the transaction of a change commits: an answer read before the commit is not kept', async () => {
    // a fake of Strapi's nested transaction: callbacks registered now run at the outer commit
    const commitCallbacks: Array<() => void> = [];
    const db = {
      transaction: async (work: (context: { onCommit: (callback: () => void) => void }) => Promise<void>) =>
        work({ onCommit: (callback) => commitCallbacks.push(callback) }),
    };
    await serve(fakeCtx('/api/articles'), { data: [] });
    // the scheduler publishes inside its transaction; a request reads the rows before the commit
    await contentChangedOnCommit(db);
    await serve(fakeCtx('/api/articles'), { data: [] });
    commitCallbacks.forEach((callback) => callback());
    const after = fakeCtx('/api/articles');
    await serve(after, { data: ['published'] });
    expect(after.body).toEqual({ data: ['published'] });
    expect(after.sent['X-Content-Cache']).toBe('MISS');
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

describe('publicResponseCache memory bound', () => {
  beforeEach(() => {
    process.env.CONTENT_CACHE_TTL_MS = '60000';
  });

  it('keeps no more bytes than CONTENT_CACHE_MAX_BYTES, however many URLs are asked for', async () => {
    process.env.CONTENT_CACHE_MAX_BYTES = '5000';
    invalidateContentCache();
    let calls = 0;
    const body = { data: 'x'.repeat(1000) }; // ~1 KB per answer: 20 of them are 4x the bound
    const serve = (url: string) => {
      const ctx = fakeCtx(url);
      return publicResponseCache(ctx, async () => {
        calls += 1;
        ctx.status = 200;
        ctx.body = body;
      }).then(() => ctx);
    };
    for (let page = 1; page <= 20; page++) await serve(`/api/articles?page=${page}`);
    expect(calls).toBe(20); // 20 different URLs: each one a miss
    // the newest answers are still cached, the oldest are gone: at most 4 fit in 5,000 bytes
    expect((await serve('/api/articles?page=20')).sent['X-Content-Cache']).toBe('HIT');
    let hits = 0;
    for (let page = 1; page <= 20; page++)
      if ((await serve(`/api/articles?page=${page}`)).sent['X-Content-Cache'] === 'HIT') hits += 1;
    expect(hits).toBeLessThanOrEqual(4);
    delete process.env.CONTENT_CACHE_MAX_BYTES;
    invalidateContentCache();
  });
});

describe('cacheLimits', () => {
  it.each([
    [{}, { maxEntries: 1000, maxBytes: DEFAULT_MAX_BYTES, maxBodyBytes: 1024 * 1024 }],
    [{ CONTENT_CACHE_MAX_BYTES: '104857600' }, { maxEntries: 1000, maxBytes: 104_857_600, maxBodyBytes: 1024 * 1024 }],
    [{ CONTENT_CACHE_MAX_BYTES: '500000' }, { maxEntries: 1000, maxBytes: 500_000, maxBodyBytes: 500_000 }],
    [{ CONTENT_CACHE_MAX_BYTES: 'lots' }, { maxEntries: 1000, maxBytes: DEFAULT_MAX_BYTES, maxBodyBytes: 1024 * 1024 }],
    [{ CONTENT_CACHE_MAX_BYTES: '-1' }, { maxEntries: 1000, maxBytes: DEFAULT_MAX_BYTES, maxBodyBytes: 1024 * 1024 }],
  ])('reads %j', (env, expected) => {
    expect(cacheLimits(env as NodeJS.ProcessEnv)).toEqual(expected);
  });
});

describe('createResponseCache', () => {
  it('evicts the least recently used answers to stay within its bytes', () => {
    const cache = createResponseCache({ maxEntries: 1000, maxBytes: 3000, maxBodyBytes: 3000 });
    const body = 'b'.repeat(990);
    cache.set('/a', body);
    cache.set('/b', body);
    cache.set('/c', body);
    cache.get('/a'); // read: /b is now the least recently used
    cache.set('/d', body);
    expect([...cache.keys()].sort()).toEqual(['/a', '/c', '/d']);
    expect(cache.calculatedSize).toBeLessThanOrEqual(3000);
  });

  it('counts UTF-8 bytes, not characters, and keeps no answer larger than the per-answer limit', () => {
    const cache = createResponseCache({ maxEntries: 1000, maxBytes: 10_000, maxBodyBytes: 1000 });
    cache.set('/de', 'ä'.repeat(600)); // 600 characters, 1,200 bytes
    cache.set('/en', 'a'.repeat(600));
    expect(cache.has('/de')).toBe(false);
    expect(cache.has('/en')).toBe(true);
    expect(cache.calculatedSize).toBe(600 + '/en'.length);
  });
});
