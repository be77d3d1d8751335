import { STRAPI_MANAGED_FIELDS } from '@magnetiq/plugin-kit/server';

/**
 * The part of Strapi's content model the editorial plugin reads, as plain data: the domain
 * functions (snapshot, restore, diff) take a `Schemas` lookup so they are unit-tested without
 * Strapi. The plugin passes `strapi.getModel`.
 */
export interface Attribute {
  type: string;
  /** component attributes */
  component?: string;
  repeatable?: boolean;
  /** dynamic zones */
  components?: string[];
  /** relations */
  relation?: string;
  target?: string;
  /** media */
  multiple?: boolean;
  private?: boolean;
}

export interface Model {
  attributes: Record<string, Attribute>;
}

export type Schemas = (uid: string) => Model | undefined;

/** Attributes that are Strapi's bookkeeping, never part of a version's data. */
export const META_FIELDS = new Set(STRAPI_MANAGED_FIELDS);

/** Text kinds: a changed value is shown as a word diff. */
export const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks', 'email', 'uid']);

export const isRelation = (attribute: Attribute) => attribute.type === 'relation';
export const isMedia = (attribute: Attribute) => attribute.type === 'media';
export const isToMany = (attribute: Attribute) =>
  isMedia(attribute) ? Boolean(attribute.multiple) : /ToMany$|^manyWay$/.test(attribute.relation ?? '');

/** The fields of a model that a version holds (everything but Strapi's bookkeeping). */
export const dataFields = (model: Model): Array<[string, Attribute]> =>
  Object.entries(model.attributes).filter(([name]) => !META_FIELDS.has(name));

type Populate = Record<string, unknown>;

/**
 * A populate that reaches every component, dynamic zone, relation and media of a model: the
 * whole document in one read. Relations and media bring only what identifies them.
 */
export function deepPopulate(schemas: Schemas, uid: string, depth = 0): Populate {
  const model = schemas(uid);
  if (!model || depth > 6) return {};
  const populate: Populate = {};
  for (const [name, attribute] of dataFields(model)) {
    if (attribute.type === 'component' && attribute.component) {
      const nested = deepPopulate(schemas, attribute.component, depth + 1);
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    } else if (attribute.type === 'dynamiczone') {
      const on: Populate = {};
      for (const component of attribute.components ?? []) {
        const nested = deepPopulate(schemas, component, depth + 1);
        on[component] = Object.keys(nested).length > 0 ? { populate: nested } : true;
      }
      populate[name] = { on };
    } else if (isMedia(attribute)) {
      populate[name] = { fields: ['id', 'documentId', 'name', 'url', 'mime'] };
    } else if (isRelation(attribute) && attribute.target && !attribute.target.startsWith('admin::')) {
      populate[name] = { fields: ['documentId'] };
    }
  }
  return populate;
}
