/**
 * The CMS loader: reads published entries from Strapi's REST API at build time, once per
 * locale, and puts them in Astro's content store. Entry ids are `<locale>/<slug>` (or
 * `<locale>` for single types), so a page finds its counterpart in the other locale by
 * `documentId`, which Strapi 5 shares between the localizations of one document.
 */
import fs from 'node:fs';
import type { Loader } from 'astro/loaders';
import { buildLocales } from '../lib/locales';

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

/** A collection type, every locale; ids `<locale>/<slug>`. */
export function strapiCollection({ resource, query = {} }: CollectionOptions): Loader {
  return {
    name: `strapi-${resource}`,
    async load({ store, parseData, logger, generateDigest }) {
      store.clear();
      for (const locale of await buildLocales()) {
        const entries = await fetchAll(resource, locale, query);
        for (const entry of entries) {
          const id = `${locale}/${String(entry.slug ?? entry.documentId)}`;
          const data = await parseData({ id, data: { ...entry, locale } });
          store.set({ id, data, digest: generateDigest(data) });
        }
        logger.info(`${entries.length} ${resource} (${locale})`);
      }
    },
  };
}

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
