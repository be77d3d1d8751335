import { META_FIELDS, isMedia, isRelation, isToMany, type Attribute, type Schemas } from './schema';
import type { VersionData } from './snapshot';

/** Every relation target document and media file a version points at, to look up in one query each. */
export interface References {
  relations: Map<string, Set<string>>;
  media: Set<number>;
}

export interface Existing {
  relation(target: string, documentId: string): boolean;
  media(id: number): boolean;
}

export interface MissingReference {
  path: string;
  kind: 'relation' | 'media';
  target?: string;
  documentId?: string;
  id?: number;
}

export interface RestorePlan {
  /** the data to write as the new draft (Document Service `update` shape) */
  data: Record<string, unknown>;
  /** paths of fields the version has and the model no longer has: skipped */
  dropped: string[];
  /** relations to deleted documents and deleted media files: left out of the draft */
  missing: MissingReference[];
}

type Entry = Record<string, unknown>;
const isObject = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value]);

function walk(
  schemas: Schemas,
  uid: string,
  data: unknown,
  path: string,
  visit: (attribute: Attribute, value: unknown, path: string) => unknown,
  dropped: string[],
): Entry {
  const model = schemas(uid);
  const out: Entry = {};
  if (!isObject(data)) return out;
  for (const [name, value] of Object.entries(data)) {
    const here = path ? `${path}.${name}` : name;
    if (name === '__component' || META_FIELDS.has(name)) continue;
    const attribute = model?.attributes[name];
    if (!attribute) {
      dropped.push(here);
      continue;
    }
    if (attribute.type === 'component' && attribute.component) {
      const component = attribute.component;
      out[name] = attribute.repeatable
        ? asArray(value).map((item, index) => walk(schemas, component, item, `${here}[${index}]`, visit, dropped))
        : isObject(value)
          ? walk(schemas, component, value, here, visit, dropped)
          : null;
    } else if (attribute.type === 'dynamiczone') {
      const allowed = new Set(attribute.components ?? []);
      out[name] = asArray(value).flatMap((item, index) => {
        if (!isObject(item) || typeof item.__component !== 'string') return [];
        if (!allowed.has(item.__component) || !schemas(item.__component)) {
          dropped.push(`${here}[${index}] (${item.__component})`);
          return [];
        }
        return [
          {
            __component: item.__component,
            ...walk(schemas, item.__component, item, `${here}[${index}]`, visit, dropped),
          },
        ];
      });
    } else {
      out[name] = visit(attribute, value, here);
    }
  }
  return out;
}

/** The relation targets and media ids a version refers to. */
export function collectReferences(schemas: Schemas, uid: string, data: VersionData): References {
  const references: References = { relations: new Map(), media: new Set() };
  walk(
    schemas,
    uid,
    data,
    '',
    (attribute, value) => {
      if (isMedia(attribute)) {
        for (const item of asArray(value))
          if (isObject(item) && typeof item.id === 'number') references.media.add(item.id);
      } else if (isRelation(attribute) && attribute.target) {
        const set = references.relations.get(attribute.target) ?? new Set<string>();
        for (const item of asArray(value))
          if (isObject(item) && typeof item.documentId === 'string') set.add(item.documentId);
        references.relations.set(attribute.target, set);
      }
      return null;
    },
    [],
  );
  return references;
}

/**
 * A version's data as the Document Service takes it for a new draft: components and dynamic zone
 * entries without ids (created anew), relations by document id, media by file id. What the model
 * no longer has is dropped and reported; relations and media that no longer exist are left out
 * and reported, so an old version can always be restored.
 */
export function planRestore(schemas: Schemas, uid: string, data: VersionData, existing: Existing): RestorePlan {
  const dropped: string[] = [];
  const missing: MissingReference[] = [];
  const restored = walk(
    schemas,
    uid,
    data,
    '',
    (attribute, value, path) => {
      if (isMedia(attribute)) {
        const kept: number[] = [];
        for (const item of asArray(value)) {
          if (!isObject(item) || typeof item.id !== 'number') continue;
          if (existing.media(item.id)) kept.push(item.id);
          else missing.push({ path, kind: 'media', id: item.id });
        }
        return isToMany(attribute) ? kept : (kept[0] ?? null);
      }
      if (isRelation(attribute)) {
        const target = attribute.target ?? '';
        const kept: Array<{ documentId: string }> = [];
        for (const item of asArray(value)) {
          if (!isObject(item) || typeof item.documentId !== 'string') continue;
          if (existing.relation(target, item.documentId)) kept.push({ documentId: item.documentId });
          else missing.push({ path, kind: 'relation', target, documentId: item.documentId });
        }
        return { set: isToMany(attribute) ? kept : kept.slice(0, 1) };
      }
      return value;
    },
    dropped,
  );
  // a field the version lacks (added to the model since) is left as the current draft has it
  return { data: restored, dropped, missing };
}
