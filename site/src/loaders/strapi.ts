/**
 * The CMS loader: reads published entries from Strapi's REST API at build time, once per
 * locale, and puts them in Astro's content store. Entry ids are `<locale>/<slug>` (or
 * `<locale>` for single types), so a page finds its counterpart in the other locale by
 * `documentId`, which Strapi 5 shares between the localizations of one document.
 */
import fs from 'node:fs';
import type { Loader } from 'astro/loaders';
import { buildLocales } from '../lib/locales';
import {
  afterFetch,
  entryId,
  fullSyncReason,
  parseSyncState,
  planLocale,
  type ListedEntry,
  type StoredVersion,
  type SyncState,
} from './sync-plan';

/** Where the build reads content: the CMS's REST API, reachable from the build machine. */
export const cmsUrl = () => (process.env.CMS_URL || 'http://localhost:1337').replace(/\/+$/, '');

const PAGE_SIZE = 100;

type Query = Record<string, string | number | boolean>;

/** Strapi's bracket query syntax from a flat map, e.g. { 'populate[seo][populate]': '*' }. */
export function toQueryString(query: Query): string {
  return Object.entries(query)
    .map(
      ([key, value]) =>
        `${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(value))}`,
    )
    .join('&');
}

/** CMS_API_TOKEN, or the file CMS_API_TOKEN_FILE names (a Docker build secret). */
function apiToken(): string | undefined {
  if (process.env.CMS_API_TOKEN) return process.env.CMS_API_TOKEN;
  const file = process.env.CMS_API_TOKEN_FILE;
  if (file && fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim() || undefined;
  return undefined;
}

export class CmsUnreachableError extends Error {}

/** GET a Strapi REST path; an unreachable CMS or a non-2xx answer stops the build with a line naming CMS_URL. */
export async function cmsGet<T = unknown>(
  path: string,
  query: Query = {},
  options: { anonymous?: boolean } = {},
): Promise<T> {
  const url = `${cmsUrl()}${path}?${toQueryString(query)}`;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A read-only token is optional: the Public role can read published content.
  const token = options.anonymous ? undefined : apiToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new CmsUnreachableError(
      `The CMS is unreachable at CMS_URL=${cmsUrl()} (${cause}). Start the CMS or set CMS_URL to its address before building the site.`,
    );
  }
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    throw new Error(`The CMS at CMS_URL=${cmsUrl()} answered ${response.status} for ${path}: ${body.slice(0, 300)}`);
  }
  return (await response.json()) as T;
}

interface StrapiList {
  data: Array<Record<string, unknown>>;
  meta?: { pagination?: { page: number; pageCount: number } };
}

/** Every published entry of a collection type in one locale, following Strapi's pagination. */
export async function fetchAll(
  resource: string,
  locale: string,
  query: Query,
): Promise<Array<Record<string, unknown>>> {
  const entries: Array<Record<string, unknown>> = [];
  for (let page = 1; ; page++) {
    const answer = await cmsGet<StrapiList>(`/api/${resource}`, {
      ...query,
      locale,
      status: 'published',
      'pagination[page]': page,
      'pagination[pageSize]': PAGE_SIZE,
    });
    entries.push(...answer.data);
    const pageCount = answer.meta?.pagination?.pageCount ?? 1;
    if (page >= pageCount) return entries;
  }
}

interface CollectionOptions {
  /** REST resource, e.g. `pages` */
  resource: string;
  /** populate and other query parameters in Strapi's bracket syntax */
  query?: Query;
}

interface IncrementalOptions {
  /**
   * Collections whose entries are embedded in these (e.g. an article's author and category):
   * when one of them changes, every entry is fetched again.
   */
  related?: string[];
}

/** Fetch at most this many entries by document id per request (keeps the URL short). */
const ID_CHUNK = 50;

/** A full sync at least this often (media edits do not show in the listings), default 24 h. */
const fullSyncMaxAgeMs = () => {
  const hours = Number(process.env.SITE_FULL_SYNC_HOURS || 24);
  return (Number.isFinite(hours) && hours >= 0 ? hours : 24) * 3_600_000;
};

/** Every published entry of a locale as (documentId, slug, updatedAt): no populate, 3 fields. */
export async function listPublished(resource: string, locale: string): Promise<ListedEntry[]> {
  return (await fetchAll(resource, locale, {
    'fields[0]': 'slug',
    'fields[1]': 'updatedAt',
    // a stable order, so that pages do not overlap while entries change
    'sort[0]': 'documentId:asc',
  })) as unknown as ListedEntry[];
}

/** Count and newest `updatedAt` of a related collection in a locale: moves on any edit, publish, unpublish or delete. */
async function relatedFingerprint(related: string[], locale: string): Promise<string> {
  const parts: string[] = [];
  for (const resource of related) {
    const answer = await cmsGet<StrapiList & { meta?: { pagination?: { total?: number } } }>(`/api/${resource}`, {
      locale,
      status: 'published',
      'fields[0]': 'updatedAt',
      'sort[0]': 'updatedAt:desc',
      'pagination[pageSize]': 1,
    });
    parts.push(`${resource}:${answer.meta?.pagination?.total ?? 0}:${String(answer.data[0]?.updatedAt ?? '')}`);
  }
  return parts.join('|');
}

/** The given documents of a locale with the collection's full query, a chunk of ids per request. */
async function fetchByDocumentIds(
  resource: string,
  locale: string,
  query: Query,
  documentIds: string[],
): Promise<Array<Record<string, unknown>>> {
  const entries: Array<Record<string, unknown>> = [];
  for (let start = 0; start < documentIds.length; start += ID_CHUNK) {
    const chunk = documentIds.slice(start, start + ID_CHUNK);
    const filter = Object.fromEntries(chunk.map((id, index) => [`filters[documentId][$in][${index}]`, id]));
    entries.push(...(await fetchAll(resource, locale, { ...query, ...filter })));
  }
  return entries;
}

/**
 * A collection type, every locale; ids `<locale>/<slug>`. With `incremental`, the store kept
 * between builds (Astro's data store in its cache dir) is brought up to date instead of being
 * refilled: an ids-only listing per locale names what is published now, and only new or changed
 * entries are fetched with the full query; entries the listing no longer names (unpublished,
 * deleted, renamed) are dropped. See sync-plan.ts for when a locale is fetched in full instead.
 */
export function strapiCollection({
  resource,
  query = {},
  incremental,
}: CollectionOptions & { incremental?: IncrementalOptions }): Loader {
  return {
    name: `strapi-${resource}`,
    async load({ store, meta, parseData, logger, generateDigest }) {
      const put = async (locale: string, entry: Record<string, unknown>) => {
        const id = entryId(locale, entry);
        const data = await parseData({ id, data: { ...entry, locale } });
        store.set({ id, data, digest: generateDigest(data) });
      };
      const locales = await buildLocales();
      if (!incremental) {
        store.clear();
        for (const locale of locales) {
          const entries = await fetchAll(resource, locale, query);
          for (const entry of entries) await put(locale, entry);
          logger.info(`${entries.length} ${resource} (${locale})`);
        }
        return;
      }

      const previous = parseSyncState(meta.get(SYNC_STATE_KEY));
      const queryDigest = generateDigest(JSON.stringify(query));
      const now = new Date();
      const state: SyncState = { cmsUrl: cmsUrl(), queryDigest, related: {}, fullSyncAt: previous?.fullSyncAt ?? '' };
      let everyLocaleFull = true;
      // entries of locales this build does not have any more
      for (const id of store.keys()) if (!locales.includes(id.split('/')[0]!)) store.delete(id);
      for (const locale of locales) {
        const fingerprint = await relatedFingerprint(incremental.related ?? [], locale);
        state.related[locale] = fingerprint;
        const stored = new Map<string, StoredVersion>();
        for (const entry of store.values())
          if (entry.id.startsWith(`${locale}/`))
            stored.set(entry.id, { documentId: entry.data.documentId, updatedAt: entry.data.updatedAt ?? null });
        const reason = fullSyncReason({
          previous,
          cmsUrl: state.cmsUrl,
          queryDigest,
          locale,
          relatedFingerprint: fingerprint,
          now,
          maxAgeMs: fullSyncMaxAgeMs(),
          forced: process.env.SITE_FULL_SYNC === 'true',
        });
        if (reason) {
          const entries = await fetchAll(resource, locale, query);
          const fetched = new Set<string>();
          for (const entry of entries) {
            await put(locale, entry);
            fetched.add(entryId(locale, entry));
          }
          for (const id of stored.keys()) if (!fetched.has(id)) store.delete(id);
          logger.info(`${entries.length} ${resource} (${locale}): fetched all (${reason})`);
          continue;
        }
        everyLocaleFull = false;
        const plan = planLocale(locale, await listPublished(resource, locale), stored);
        const entries = await fetchByDocumentIds(resource, locale, query, plan.fetch);
        for (const entry of entries) await put(locale, entry);
        for (const id of afterFetch(locale, plan, stored, entries)) store.delete(id);
        logger.info(
          `${resource} (${locale}): ${entries.length} fetched, ${plan.remove.length} removed, ${plan.unchanged} unchanged`,
        );
      }
      if (everyLocaleFull) state.fullSyncAt = now.toISOString();
      meta.set(SYNC_STATE_KEY, JSON.stringify(state));
    },
  };
}

const SYNC_STATE_KEY = 'magnetiq-sync';

/** A single type, one entry per locale with id `<locale>`; a locale without it is skipped. */
export function strapiSingle({ resource, query = {} }: CollectionOptions): Loader {
  return {
    name: `strapi-${resource}`,
    async load({ store, parseData, logger, generateDigest }) {
      store.clear();
      for (const locale of await buildLocales()) {
        let answer: { data: Record<string, unknown> | null };
        try {
          answer = await cmsGet(`/api/${resource}`, { ...query, locale, status: 'published' });
        } catch (error) {
          if (error instanceof CmsUnreachableError || !/answered 404/.test((error as Error).message)) throw error;
          logger.warn(`no published ${resource} in ${locale}; the site uses its defaults`);
          continue;
        }
        if (!answer.data) continue;
        const data = await parseData({ id: locale, data: { ...answer.data, locale } });
        store.set({ id: locale, data, digest: generateDigest(data) });
      }
    },
  };
}

/**
 * A plugin's public list (e.g. GET /api/whitepapers/papers?locale=en): already published-only
 * and built from an allow-list of fields by the plugin, one call per locale; ids `<locale>/<slug>`.
 */
export function pluginList({
  name,
  path,
  variants = [{}],
}: {
  name: string;
  path: string;
  variants?: Array<{ query?: Query; extra?: Record<string, unknown> }>;
}): Loader {
  return {
    name: `strapi-${name}`,
    async load({ store, parseData, logger, generateDigest }) {
      store.clear();
      for (const locale of await buildLocales()) {
        let count = 0;
        // e.g. the webinars plugin lists upcoming and past webinars in two calls
        for (const { query = {}, extra = {} } of variants) {
          const answer = await cmsGet<{ data: Array<Record<string, unknown>> }>(path, { ...query, locale });
          for (const entry of answer.data ?? []) {
            const id = `${locale}/${String(entry.slug ?? entry.documentId)}`;
            if (store.has(id)) continue;
            const data = await parseData({ id, data: { ...entry, ...extra, locale } });
            store.set({ id, data, digest: generateDigest(data) });
            count++;
          }
        }
        logger.info(`${count} ${name} (${locale})`);
      }
    },
  };
}
