import { LRUCache } from 'lru-cache';

/**
 * In-memory cache of the public content API's answers (GET, no Authorization header), keyed by
 * the full URL. A populated page costs Strapi ~20 ms of CPU (queries per component type,
 * sanitising the whole tree); a cached one is a map lookup.
 *
 * Published content changes only through publish / unpublish / delete (drafts never show here),
 * and the document middleware clears the cache on each of those; media edits clear it too. The
 * other CMS instances drop theirs through the cluster broadcast (cms/src/ops/cluster.ts); the
 * TTL (CONTENT_CACHE_TTL_MS, default 30 s, 0 turns the cache off) bounds how long an instance
 * whose LISTEN connection was down may serve an answer from before a change.
 *
 * Bounded by total bytes (CONTENT_CACHE_MAX_BYTES, default 32 MiB) as well as by entries: every
 * distinct query string is a new key, so 1,000 answers of up to 1 MiB each could otherwise hold
 * a gigabyte. The least recently used answers go first (lru-cache's maxSize).
 */
const MAX_ENTRIES = 1000;
const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export interface CacheLimits {
  maxEntries: number;
  maxBytes: number;
  /** one answer larger than this is not kept */
  maxBodyBytes: number;
}

export function cacheLimits(env: NodeJS.ProcessEnv = process.env): CacheLimits {
  const configured = Number(env.CONTENT_CACHE_MAX_BYTES ?? DEFAULT_MAX_BYTES);
  const maxBytes = Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_BYTES;
  return { maxEntries: MAX_ENTRIES, maxBytes, maxBodyBytes: Math.min(MAX_BODY_BYTES, maxBytes) };
}

/** Answers by URL; each counts its body's and its key's UTF-8 bytes against the limit. */
export function createResponseCache({ maxEntries, maxBytes, maxBodyBytes }: CacheLimits) {
  return new LRUCache<string, string>({
    max: maxEntries,
    maxSize: maxBytes,
    maxEntrySize: maxBodyBytes,
    sizeCalculation: (body, key) => Math.max(1, Buffer.byteLength(body) + Buffer.byteLength(key)),
  });
}

let entries: LRUCache<string, string> | null = null;
const cache = () => (entries ??= createResponseCache(cacheLimits()));

const ttlMs = () => {
  const value = Number(process.env.CONTENT_CACHE_TTL_MS ?? 30_000);
  return Number.isFinite(value) && value > 0 ? value : 0;
};

/** Forgets every answer; the next one starts a cache with the limits configured then. */
export function invalidateContentCache(): void {
  entries?.clear();
  entries = null;
}

export const publicResponseCache = async (ctx: any, next: () => Promise<unknown>) => {
  const ttl = ttlMs();
  if (ttl === 0 || ctx.method !== 'GET' || ctx.get('authorization')) return next();

  const key = ctx.url as string;
  const hit = cache().get(key);
  if (hit !== undefined) {
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = hit;
    ctx.set('X-Content-Cache', 'HIT');
    return;
  }
  const generation = invalidations;
  await next();
  ctx.set('X-Content-Cache', 'MISS');
  // a change published while this answer was built must not be cached over
  if (ctx.status !== 200 || ctx.body === undefined || generation !== invalidations) return;
  const body = typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body);
  cache().set(key, body, { ttl });
};

let invalidations = 0;
let broadcast: (() => void) | null = null;

/** This instance's cache only (another instance told us about a change). */
export function contentChangedHere(): void {
  invalidations += 1;
  invalidateContentCache();
}

/** Published content changed: this instance's cache and, once set (cms/src/ops/cluster.ts), every other instance's. */
export function contentChanged(): void {
  contentChangedHere();
  broadcast?.();
}

/** The part of Strapi's database this needs: a transaction that reuses the one in progress. */
export interface TransactionRunner {
  transaction: (work: (context: { onCommit: (callback: () => void) => void }) => Promise<void>) => Promise<unknown>;
}

/**
 * Published content changed, possibly inside a database transaction (the scheduler's, a release's,
 * the Document Service's own): forget now, and once more when that transaction commits. Between the
 * change and the commit a request still reads the old rows and, with the generation already bumped,
 * would keep its old answer until the TTL (CI, 2026-12-07: a scheduled article stayed hidden behind
 * a cached empty list). Outside a transaction Strapi starts and commits one at once.
 */
export async function contentChangedOnCommit(db: TransactionRunner): Promise<void> {
  contentChanged();
  await db.transaction(async ({ onCommit }) => onCommit(contentChanged));
}

export function setContentChangeBroadcast(send: (() => void) | null): void {
  broadcast = send;
}
