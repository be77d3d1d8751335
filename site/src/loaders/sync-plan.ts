/**
 * The pure rules of the incremental CMS loader (docs/adr/0025-outbox-throughput-and-scale-out.md, addendum "Site build"): which
 * entries of one locale to fetch again and which to drop, from a cheap listing of what is
 * published now (document id, slug, updatedAt) and what the store kept from the last build; and
 * when a whole locale must be fetched again instead.
 */

/** One published entry as the ids-only listing names it. */
export interface ListedEntry {
  documentId: string;
  slug?: string | null;
  updatedAt?: string | null;
}

/** What the store kept of an entry: enough to tell whether the CMS changed it since. */
export interface StoredVersion {
  documentId?: unknown;
  updatedAt?: unknown;
}

/** The store id of an entry: `<locale>/<slug>`, or `<locale>/<documentId>` without a slug. */
export const entryId = (locale: string, entry: { slug?: unknown; documentId?: unknown }) =>
  `${locale}/${String(entry.slug ?? entry.documentId)}`;

export interface LocalePlan {
  /** document ids to fetch with their full query (new, changed, or moved to another slug) */
  fetch: string[];
  /** store ids to delete (unpublished, deleted, or renamed away) */
  remove: string[];
  /** how many listed entries the store already holds unchanged */
  unchanged: number;
}

/**
 * Compares the listing of one locale with the store's entries of that locale. An entry is
 * fetched again when the store has nothing under its id, or holds another document there, or
 * holds it with another `updatedAt`; a store entry whose id the listing does not name any more
 * is removed. Comparing versions (rather than asking for `updatedAt > last build`) needs no clock:
 * a transaction that commits after the build read the listing, with an older `updatedAt`, is
 * still seen next time, and a store made against another CMS is replaced entry by entry.
 */
export function planLocale(
  locale: string,
  listed: readonly ListedEntry[],
  stored: ReadonlyMap<string, StoredVersion>,
): LocalePlan {
  const fetch: string[] = [];
  const listedIds = new Set<string>();
  let unchanged = 0;
  for (const entry of listed) {
    const id = entryId(locale, entry);
    listedIds.add(id);
    const kept = stored.get(id);
    if (kept && kept.documentId === entry.documentId && kept.updatedAt === (entry.updatedAt ?? null)) unchanged++;
    else fetch.push(entry.documentId);
  }
  const remove = [...stored.keys()].filter((id) => !listedIds.has(id));
  return { fetch: [...new Set(fetch)], remove, unchanged };
}

/**
 * The store ids to delete once the planned documents were fetched: the plan's removals (unless an
 * entry fetched now took that id again), and the stored entries of a planned document the fetch
 * did not return (unpublished between the listing and the fetch: its old version must not stay).
 */
export function afterFetch(
  locale: string,
  plan: LocalePlan,
  stored: ReadonlyMap<string, StoredVersion>,
  fetched: ReadonlyArray<{ slug?: unknown; documentId?: unknown }>,
): string[] {
  const fetchedIds = new Set(fetched.map((entry) => entryId(locale, entry)));
  const returned = new Set(fetched.map((entry) => entry.documentId));
  const planned = new Set<unknown>(plan.fetch);
  const gone = [...stored]
    .filter(([, version]) => planned.has(version.documentId) && !returned.has(version.documentId))
    .map(([id]) => id);
  return [...new Set([...plan.remove, ...gone])].filter((id) => !fetchedIds.has(id));
}

/** What the loader remembers between builds in the collection's meta store. */
export interface SyncState {
  /** the CMS the store was filled from */
  cmsUrl: string;
  /** digest of the query (populate, fields): another query means other data in every entry */
  queryDigest: string;
  /** per locale: fingerprints of the related collections the entries embed (author, category) */
  related: Record<string, string>;
  /** when every locale was last fetched in full (ISO) */
  fullSyncAt: string;
}

export function parseSyncState(raw: string | undefined): SyncState | null {
  if (!raw) return null;
  try {
    const state = JSON.parse(raw) as Partial<SyncState>;
    if (
      typeof state.cmsUrl !== 'string' ||
      typeof state.queryDigest !== 'string' ||
      typeof state.fullSyncAt !== 'string' ||
      typeof state.related !== 'object' ||
      state.related === null
    )
      return null;
    return state as SyncState;
  } catch {
    return null;
  }
}

/**
 * Why this build must fetch everything of a locale, or null when an incremental sync is safe.
 * Related collections are embedded in the entries (an article carries its author's name), and an
 * author's edit does not change the article's `updatedAt`: when their fingerprint (count and
 * newest `updatedAt`) moved, every entry of the locale is fetched again. Media edits in the
 * library (alt text, a replaced file) are not visible to the public API's listings: a full sync at
 * least every `maxAgeMs` bounds how long such an edit can stay unseen.
 */
export function fullSyncReason({
  previous,
  cmsUrl,
  queryDigest,
  locale,
  relatedFingerprint,
  now,
  maxAgeMs,
  forced,
}: {
  previous: SyncState | null;
  cmsUrl: string;
  queryDigest: string;
  locale: string;
  relatedFingerprint: string;
  now: Date;
  maxAgeMs: number;
  forced: boolean;
}): string | null {
  if (forced) return 'full sync requested (SITE_FULL_SYNC)';
  if (!previous) return 'no previous sync in the store';
  if (previous.cmsUrl !== cmsUrl) return `another CMS (${previous.cmsUrl})`;
  if (previous.queryDigest !== queryDigest) return 'the query changed';
  const last = Date.parse(previous.fullSyncAt);
  if (!Number.isFinite(last) || now.getTime() - last >= maxAgeMs) return 'the last full sync is too old';
  if (!(locale in previous.related)) return 'a locale new to the store';
  if (previous.related[locale] !== relatedFingerprint) return 'a related entry (author, category) changed';
  return null;
}
