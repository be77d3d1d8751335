import { errors, validateYupSchema } from '@strapi/utils';

type AnySchema = { fields?: Record<string, AnySchema> } & Parameters<typeof validateYupSchema>[0];

/** Paths of keys in `value` that the object schema does not describe, at any depth. */
export function unknownKeyPaths(schema: AnySchema, value: unknown, path: string[] = []): string[][] {
  if (!schema?.fields || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const field = schema.fields![key];
    return field ? unknownKeyPaths(field, child, [...path, key]) : [[...path, key]];
  });
}

/**
 * yup's `noUnknown()` only strips unknown keys while casting, so with casting on (needed for
 * trim/lowercase) they would pass silently. Public inputs must reject them instead.
 */
export function strictValidator<T>(schema: AnySchema) {
  const validate = validateYupSchema(schema, { strict: false, abortEarly: false });
  return async (body: unknown): Promise<T> => {
    const unknown = unknownKeyPaths(schema, body);
    if (unknown.length > 0) {
      throw new errors.ValidationError(`Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.map((p) => p.join('.')).join(', ')}`, {
        errors: unknown.map((p) => ({ path: p, message: `${p.join('.')} is not a known field`, name: 'ValidationError', value: null })),
      });
    }
    return validate(body) as Promise<T>;
  };
}
