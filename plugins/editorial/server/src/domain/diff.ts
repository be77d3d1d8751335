import { diffWords } from 'diff';
import { TEXT_TYPES, isMedia, isRelation, type Attribute, type Schemas } from './schema';
import type { VersionData } from './snapshot';

/** A run of text in a word diff: unchanged, added (in the newer value) or removed. */
export interface TextPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface FieldChange {
  /** e.g. `title`, `seo.metaTitle`, `sections[2].body` */
  path: string;
  /** the attribute type, or `component:<uid>` for a dynamic zone entry */
  type: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
  /** text fields: the word diff from before to after */
  text?: TextPart[];
  /** relations (document ids) and media (file ids) that are only in after / only in before */
  added?: Array<string | number>;
  removed?: Array<string | number>;
}

type Entry = Record<string, unknown>;
const isObject = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Rich text blocks (Strapi's `blocks` JSON) as plain text, a paragraph per line. */
export function blocksText(value: unknown): string {
  const text = (node: unknown): string => {
    if (Array.isArray(node)) return node.map(text).join('');
    if (!isObject(node)) return '';
    if (typeof node.text === 'string') return node.text;
    const inner = text(node.children);
    return ['paragraph', 'heading', 'list-item', 'quote', 'code'].includes(String(node.type)) ? `${inner}\n` : inner;
  };
  return Array.isArray(value) ? value.map(text).join('').trimEnd() : '';
}

const asText = (attribute: Attribute, value: unknown): string =>
  attribute.type === 'blocks' ? blocksText(value) : value == null ? '' : String(value);

const refKey = (item: unknown): string | number | null =>
  isObject(item) ? ((item.documentId as string | undefined) ?? (item.id as number | undefined) ?? null) : null;

const refKeys = (value: unknown): Array<string | number> =>
  (Array.isArray(value) ? value : value == null ? [] : [value]).map(refKey).filter((key) => key !== null);

const changeOf = (before: unknown, after: unknown): FieldChange['change'] =>
  before == null || (Array.isArray(before) && before.length === 0)
    ? 'added'
    : after == null || (Array.isArray(after) && after.length === 0)
      ? 'removed'
      : 'changed';

function diffFields(schemas: Schemas, uid: string, before: Entry, after: Entry, path: string, out: FieldChange[]) {
  const model = schemas(uid);
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  names.delete('__component');
  for (const name of names) {
    const here = path ? `${path}.${name}` : name;
    const a = before[name];
    const b = after[name];
    if (equal(a, b)) continue;
    const attribute = model?.attributes[name];
    if (!attribute) {
      // a field that one side has and the model does not (dropped from the schema since)
      out.push({ path: here, type: 'unknown', change: changeOf(a, b), before: a ?? null, after: b ?? null });
      continue;
    }
    diffValue(schemas, attribute, a, b, here, out);
  }
}

function diffList(
  schemas: Schemas,
  componentOf: (item: unknown) => string | undefined,
  before: unknown[],
  after: unknown[],
  path: string,
  out: FieldChange[],
) {
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    const a = before[index];
    const b = after[index];
    const here = `${path}[${index}]`;
    const componentA = componentOf(a);
    const componentB = componentOf(b);
    if (equal(a, b)) continue;
    if (a === undefined || b === undefined || componentA !== componentB || !componentB) {
      out.push({
        path: here,
        type: `component:${componentB ?? componentA ?? 'unknown'}`,
        change: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed',
        before: a ?? null,
        after: b ?? null,
      });
      continue;
    }
    diffFields(schemas, componentB, isObject(a) ? a : {}, isObject(b) ? b : {}, here, out);
  }
}

function diffValue(schemas: Schemas, attribute: Attribute, a: unknown, b: unknown, path: string, out: FieldChange[]) {
  if (attribute.type === 'component' && attribute.component) {
    const component = attribute.component;
    if (attribute.repeatable) {
      diffList(schemas, () => component, Array.isArray(a) ? a : [], Array.isArray(b) ? b : [], path, out);
    } else if (isObject(a) && isObject(b)) {
      diffFields(schemas, component, a, b, path, out);
    } else {
      out.push({ path, type: `component:${component}`, change: changeOf(a, b), before: a ?? null, after: b ?? null });
    }
    return;
  }
  if (attribute.type === 'dynamiczone') {
    const componentOf = (item: unknown) =>
      isObject(item) && typeof item.__component === 'string' ? item.__component : undefined;
    diffList(schemas, componentOf, Array.isArray(a) ? a : [], Array.isArray(b) ? b : [], path, out);
    return;
  }
  if (isRelation(attribute) || isMedia(attribute)) {
    const keysA = refKeys(a);
    const keysB = refKeys(b);
    out.push({
      path,
      type: attribute.type,
      change: changeOf(a, b),
      before: a ?? null,
      after: b ?? null,
      added: keysB.filter((key) => !keysA.includes(key)),
      removed: keysA.filter((key) => !keysB.includes(key)),
    });
    return;
  }
  const change: FieldChange = {
    path,
    type: attribute.type,
    change: changeOf(a, b),
    before: a ?? null,
    after: b ?? null,
  };
  if (TEXT_TYPES.has(attribute.type)) {
    change.text = diffWords(asText(attribute, a), asText(attribute, b)).map((part) => {
      const piece: TextPart = { value: part.value };
      if (part.added) piece.added = true;
      if (part.removed) piece.removed = true;
      return piece;
    });
  }
  out.push(change);
}

/**
 * Field by field, what changed from `before` to `after` (two versions' data of one content
 * type): components and dynamic zone entries are compared field by field (an entry whose
 * component changed is replaced as a whole), text as a word diff, relations and media as the
 * documents and files added and removed. Unchanged fields are not listed.
 */
export function diffVersions(schemas: Schemas, uid: string, before: VersionData, after: VersionData): FieldChange[] {
  const out: FieldChange[] = [];
  diffFields(schemas, uid, before ?? {}, after ?? {}, '', out);
  return out;
}
