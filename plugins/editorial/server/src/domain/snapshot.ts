import { dataFields, isMedia, isRelation, isToMany, type Attribute, type Schemas } from './schema';

/** What a version keeps of a relation: the document it points at. */
export interface RelationRef {
  documentId: string;
}

/** What a version keeps of a media file: its id (what an update takes) and what a person recognises. */
export interface MediaRef {
  id: number;
  name?: string;
  url?: string;
}

export type VersionData = Record<string, unknown>;

type Entry = Record<string, unknown>;

const isObject = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const relationRef = (value: unknown): RelationRef | null =>
  isObject(value) && typeof value.documentId === 'string' ? { documentId: value.documentId } : null;

const mediaRef = (value: unknown): MediaRef | null => {
  if (!isObject(value) || typeof value.id !== 'number') return null;
  const ref: MediaRef = { id: value.id };
  if (typeof value.name === 'string') ref.name = value.name;
  if (typeof value.url === 'string') ref.url = value.url;
  return ref;
};

function snapshotValue(schemas: Schemas, attribute: Attribute, value: unknown): unknown {
  if (value === undefined) return null;
  if (attribute.type === 'component' && attribute.component) {
    const component = attribute.component;
    if (attribute.repeatable)
      return Array.isArray(value) ? value.map((item) => snapshotFields(schemas, component, item)) : [];
    return isObject(value) ? snapshotFields(schemas, component, value) : null;
  }
  if (attribute.type === 'dynamiczone') {
    if (!Array.isArray(value)) return [];
    return value
      .filter((item): item is Entry => isObject(item) && typeof item.__component === 'string')
      .map((item) => ({
        __component: item.__component,
        ...snapshotFields(schemas, item.__component as string, item),
      }));
  }
  if (isMedia(attribute) || isRelation(attribute)) {
    const ref: (item: unknown) => RelationRef | MediaRef | null = isMedia(attribute) ? mediaRef : relationRef;
    if (isToMany(attribute))
      return Array.isArray(value) ? value.map((item) => ref(item)).filter((item) => item !== null) : [];
    return ref(Array.isArray(value) ? value[0] : value);
  }
  return value;
}

function snapshotFields(schemas: Schemas, uid: string, entry: unknown): VersionData {
  const model = schemas(uid);
  const data: VersionData = {};
  if (!model || !isObject(entry)) return data;
  for (const [name, attribute] of dataFields(model)) {
    if (isRelation(attribute) && attribute.target?.startsWith('admin::')) continue;
    data[name] = snapshotValue(schemas, attribute, entry[name]);
  }
  return data;
}

/**
 * A document as a version keeps it: every field of the model (components and dynamic zones
 * whole, without their row ids; relations as document ids; media as file ids), none of
 * Strapi's bookkeeping (ids, timestamps, locale, publication state). Two snapshots of the
 * same content are deep-equal.
 */
export function snapshot(schemas: Schemas, uid: string, entry: unknown): VersionData {
  return snapshotFields(schemas, uid, entry);
}
