/**
 * yup (0.32, the version @strapi/utils bundles) to JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1. yup 0.32's `describe()` reports the type, the tests and the allowed values but not
 * whether a field is nullable, required or has a default: those come from the schema's `spec`.
 * Libraries such as @sodaru/yup-to-json-schema read yup 1.x's richer `describe()` and lose them.
 */

export type JsonSchema = { [keyword: string]: unknown };

interface YupTest {
  OPTIONS: { name?: string; message?: unknown; params?: Record<string, unknown> };
}

/** The part of a yup 0.32 schema this converter reads (structural, so no yup import is needed). */
export interface YupLike {
  __isYupSchema__: true;
  type: string;
  spec: { nullable?: boolean; presence?: string; noUnknown?: boolean; meta?: Record<string, unknown>; label?: string };
  tests: YupTest[];
  describe(): { oneOf: unknown[]; tests: Array<{ name?: string; params?: Record<string, unknown> }> };
  getDefault(options?: unknown): unknown;
  fields?: Record<string, YupLike>;
  innerType?: YupLike;
}

export const isYupSchema = (value: unknown): value is YupLike =>
  typeof value === 'object' && value !== null && (value as { __isYupSchema__?: unknown }).__isYupSchema__ === true;

/** Rules yup checks that JSON Schema has a keyword for; any other named test becomes prose. */
const KNOWN_TESTS = new Set([
  'required',
  'defined',
  'nullable',
  'optional',
  'min',
  'max',
  'length',
  'matches',
  'email',
  'url',
  'uuid',
  'integer',
  'trim',
  'string_case',
  'noUnknown',
  'is-value',
  'typeError',
]);

const described = (test: YupTest, field: string) => {
  const message = test.OPTIONS.message;
  return typeof message === 'string' ? message.replace(/\$\{path\}/g, field) : undefined;
};

/** Scalar defaults only: an object's default is built from its fields' and says nothing more. */
const plainDefault = (schema: YupLike) => {
  if (schema.type === 'object' || schema.type === 'array') return undefined;
  const value = schema.getDefault();
  return value === undefined || typeof value === 'function' || value instanceof Date ? undefined : value;
};

function baseType(schema: YupLike, tests: Map<string, Record<string, unknown>>, path: string): JsonSchema {
  switch (schema.type) {
    case 'string': {
      const json: JsonSchema = { type: 'string' };
      const min = tests.get('min')?.min;
      const max = tests.get('max')?.max;
      const length = tests.get('length')?.length;
      if (typeof min === 'number') json.minLength = min;
      if (typeof max === 'number') json.maxLength = max;
      if (typeof length === 'number') Object.assign(json, { minLength: length, maxLength: length });
      const regex = tests.get('matches')?.regex;
      if (regex instanceof RegExp) json.pattern = regex.source;
      if (tests.has('email')) json.format = 'email';
      if (tests.has('url')) json.format = 'uri';
      if (tests.has('uuid')) json.format = 'uuid';
      return json;
    }
    case 'number': {
      const json: JsonSchema = { type: tests.has('integer') ? 'integer' : 'number' };
      const min = tests.get('min')?.min;
      const max = tests.get('max')?.max;
      if (typeof min === 'number') json.minimum = min;
      if (typeof max === 'number') json.maximum = max;
      return json;
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'array': {
      const json: JsonSchema = { type: 'array' };
      if (schema.innerType) json.items = yupToJsonSchema(schema.innerType, `${path}[]`);
      const min = tests.get('min')?.min;
      const max = tests.get('max')?.max;
      if (typeof min === 'number') json.minItems = min;
      if (typeof max === 'number') json.maxItems = max;
      return json;
    }
    case 'object': {
      const fields = schema.fields ?? {};
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [name, field] of Object.entries(fields)) {
        properties[name] = yupToJsonSchema(field, path ? `${path}.${name}` : name);
        if (field.spec.presence === 'required') required.push(name);
      }
      const json: JsonSchema = { type: 'object', properties };
      if (required.length > 0) json.required = required;
      if (schema.spec.noUnknown) json.additionalProperties = false;
      return json;
    }
    default:
      // mixed, lazy, ...: any JSON value; custom tests below describe what is checked
      return {};
  }
}

/**
 * One yup schema as JSON Schema. `meta({ jsonSchema })` on a yup schema replaces the derived
 * schema (for a `mixed` with a custom test, where yup cannot say more); `meta({ deprecated: true })`
 * marks an old name that still works for one release (docs/api.md).
 */
export function yupToJsonSchema(schema: YupLike, path = ''): JsonSchema {
  const override = schema.spec.meta?.jsonSchema;
  if (override && typeof override === 'object') return { ...(override as JsonSchema) };

  const description = schema.describe();
  const tests = new Map(
    description.tests.filter((test) => test.name).map((test) => [test.name as string, test.params ?? {}]),
  );
  const json = baseType(schema, tests, path);

  const allowed = description.oneOf.filter((value) => value !== undefined && value !== null);
  if (allowed.length > 0) json.enum = allowed;
  if (schema.spec.nullable && json.type) {
    json.type = [json.type as string, 'null'];
    if (json.enum) json.enum = [...(json.enum as unknown[]), null];
  }
  if (schema.spec.meta?.deprecated === true) json.deprecated = true;
  const fallback = plainDefault(schema);
  if (fallback !== undefined) json.default = fallback;

  const field = path.split('.').pop() || 'value';
  const rules = schema.tests
    .filter((test) => test.OPTIONS.name && !KNOWN_TESTS.has(test.OPTIONS.name))
    .map((test) => described(test, field))
    .filter(Boolean);
  const label = schema.spec.meta?.description ?? schema.spec.label;
  const prose = [typeof label === 'string' ? label : undefined, ...rules].filter(Boolean).join('; ');
  if (prose) json.description = prose;
  return json;
}
