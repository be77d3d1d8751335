/**
 * The types of content the site search finds: each content template marks its main content
 * `data-pagefind-body` with `data-pagefind-filter="type:<type>"` (searchable()), and the search
 * page offers one filter per type.
 */
export const SEARCH_TYPES = ['article', 'page', 'webinar', 'whitepaper'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/**
 * The attributes that put an element's content into the search index under `type`, or none when
 * the page must stay out of it (noindex, or a copy shown at another address than its own).
 */
export function searchable(type: SearchType, indexed = true): Record<string, string> {
  return indexed ? { 'data-pagefind-body': '', 'data-pagefind-filter': `type:${type}` } : {};
}
