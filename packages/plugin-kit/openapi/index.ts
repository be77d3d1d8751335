/**
 * JSON Schema snippets the plugins' OpenAPI maps (`server/src/routes/openapi.ts`) share. The
 * generator is the CMS's (cms/src/openapi, docs/adr/0021), which the plugins cannot import; the
 * `$ref`s here name the shared schemas it defines in `components.schemas` (`Media`, `LocalizedEntry`).
 */

/** a text that may be null */
export const nullableString = { type: ['string', 'null'] };

/** an ISO 8601 instant */
export const dateTime = { type: 'string', format: 'date-time' };

/** an image in a public answer, or null */
export const media = { anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/Media' }] };

/** the `locale` query parameter of a public read */
export const locale = {
  type: 'string',
  maxLength: 35,
  description: 'a configured locale code, e.g. en or de; the default locale when missing',
};

/** a query of only `locale` */
export const localeQuery = { type: 'object', properties: { locale } };

/** the list answer of an admin route whose rows are not described field by field yet */
export const objectList = { type: 'array', items: { type: 'object' } };

/** the answer of a public form: the same whether the email was new, known or a bot's */
export const receivedAnswer = {
  type: 'object',
  required: ['received'],
  properties: { received: { const: true } },
  additionalProperties: false,
};

/** the answer of an admin create: the new entry's documentId */
export const createdAnswer = {
  type: 'object',
  required: ['documentId'],
  properties: { documentId: { type: 'string' } },
};

/**
 * A published entry in a public answer: the CMS's `LocalizedEntry` fields (documentId, locale,
 * title, slug, summary, seo, publishedAt) and the plugin's own, nothing else.
 */
export function localizedEntry(properties: Record<string, unknown>, required: string[]) {
  return {
    allOf: [{ $ref: '#/components/schemas/LocalizedEntry' }],
    unevaluatedProperties: false,
    required,
    properties,
  };
}

/** the JSON Schema of a text, a whole number, a number, a boolean and any object */
export const stringType = { type: 'string' };
export const integerType = { type: 'integer' };
export const numberType = { type: 'number' };
export const booleanType = { type: 'boolean' };
export const objectType = { type: 'object' };

/** An object schema: the keys it always has (none: `[]`), and each property's schema. */
export const object = (required: string[], properties: Record<string, unknown>) => ({
  type: 'object',
  ...(required.length > 0 ? { required } : {}),
  properties,
});

/** An object schema that has no property but these (`additionalProperties: false`). */
export const closedObject = (required: string[], properties: Record<string, unknown>) => ({
  ...object(required, properties),
  additionalProperties: false,
});
