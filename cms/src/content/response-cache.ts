/**
 * In-memory cache of the public content API's answers (GET, no Authorization header), keyed by
 * the full URL. A populated page costs Strapi ~20 ms of CPU (queries per component type,
 * sanitising the whole tree); a cached one is a map lookup.
 *
 * Published content changes only through publish / unpublish / delete (drafts never show here),
 * and the document middleware clears the cache on each of those; media edits clear it too. The
 * TTL (CONTENT_CACHE_TTL_MS, default 30 s, 0 turns the cache off) bounds how long another CMS
 * instance may serve an answer from before a change it did not see.
 */
const MAX_ENTRIES = 1000;
const MAX_BODY_BYTES = 1024 * 1024;

interface Entry {
  body: string;
  expiresAt: number;
}

const entries = new Map<string, Entry>();

const ttlMs = () => {
  const value = Number(process.env.CONTENT_CACHE_TTL_MS ?? 30_000);
  return Number.isFinite(value) && value > 0 ? value : 0;
};

export function invalidateContentCache(): void {
  entries.clear();
}

export const publicResponseCache = async (ctx: any, next: () => Promise<unknown>) => {
  const ttl = ttlMs();
  if (ttl === 0 || ctx.method !== 'GET' || ctx.get('authorization')) return next();

  const key = ctx.url as string;
  const hit = entries.get(key);
  if (hit && hit.expiresAt > Date.now()) {
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = hit.body;
    ctx.set('X-Content-Cache', 'HIT');
    return;
  }
  const generation = invalidations;
  await next();
  ctx.set('X-Content-Cache', 'MISS');
  // a change published while this answer was built must not be cached over
  if (ctx.status !== 200 || ctx.body === undefined || generation !== invalidations) return;
  const body = typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body);
  if (body.length > MAX_BODY_BYTES) return;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { body, expiresAt: Date.now() + ttl });
};

let invalidations = 0;
export function contentChanged(): void {
  invalidations += 1;
  invalidateContentCache();
}
