/**
 * The admin's trust boundary as plain functions (no Strapi import): which content types the
 * Content Manager may serve, and which fields of a write only code may set.
 * Wired into Strapi by `../admin-boundary.ts`; see docs/adr/0017-admin-trust-boundary.md.
 */

/**
 * A content type uid as the router would resolve it from a path segment: URL-decoded until it no
 * longer changes (a double-encoded `%253A` must not slip through) and lower-cased (Strapi's router
 * matches paths case-insensitively, so a check must not depend on case either).
 */
export function normaliseUid(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 300) return null;
  let current = value;
  for (let round = 0; round < 5; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      break;
    }
    if (decoded === current) break;
    current = decoded;
  }
  return current.trim().toLowerCase();
}

/** The parts of an admin request that can name a content type in the Content Manager's routes. */
export interface ContentManagerRequest {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  /**
   * The target of the relation a relations route lists (`/relations/:model/:targetField`). Only
   * lead types are refused here: visible types legitimately relate to hidden ones of Strapi's own
   * (a user's role), and the relation picker must keep working for them.
   */
  relationTarget?: string | null;
}

const QUERY_KEYS = ['model', 'uid', 'contentType', 'contentTypeUID', 'targetUid'];
const BODY_KEYS = ['model', 'uid', 'contentType', 'contentTypeUID'];

/**
 * Every value in the request that may be a content type uid: all path parameters (`:model`,
 * `:uid`, `:contentType`…), the query keys and body keys the Content Manager's routes read.
 */
export function subjectsOf(request: ContentManagerRequest): string[] {
  const raw: unknown[] = [...Object.values(request.params ?? {})];
  for (const key of QUERY_KEYS) raw.push(request.query?.[key]);
  if (request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
    for (const key of BODY_KEYS) raw.push((request.body as Record<string, unknown>)[key]);
  }
  return raw
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .map(normaliseUid)
    .filter((uid): uid is string => uid !== null);
}

/** Content types that hold lead data: never served by the Content Manager, whatever a role says. */
export const LEADS_UID_PREFIX = 'plugin::leads.';

export interface RefusalRules {
  /** lower-cased uids of content types hidden from the Content Manager (`visible: false`) */
  hidden: ReadonlySet<string>;
}

/**
 * The uid the Content Manager must refuse to serve in this request, or null. Strapi still serves a
 * hidden content type through `/content-manager/collection-types/:model` to any role with
 * `explorer.read` on it (Super Admin has it on every type), so hiding alone is not enough.
 */
export function refusedSubject(request: ContentManagerRequest, rules: RefusalRules): string | null {
  for (const uid of subjectsOf(request)) {
    if (uid.startsWith(LEADS_UID_PREFIX) || rules.hidden.has(uid)) return uid;
  }
  const target = normaliseUid(request.relationTarget);
  if (target?.startsWith(LEADS_UID_PREFIX)) return target;
  return null;
}

/**
 * The data of a Document Service write with the code-owned fields taken from what is stored:
 * an editor's value for such a field is dropped, and the stored value is written back, so every
 * locale row of the document keeps the same one (i18n syncs non-localized fields across locales).
 */
export function withOwnedFields(
  data: Record<string, unknown>,
  owned: readonly string[],
  stored: Record<string, unknown> | null,
): Record<string, unknown> {
  const result = { ...data };
  for (const field of owned) {
    delete result[field];
    if (stored && stored[field] !== null && stored[field] !== undefined) result[field] = stored[field];
  }
  return result;
}
