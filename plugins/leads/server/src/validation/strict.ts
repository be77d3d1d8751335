import { errors, yup, type validateYupSchema } from '@strapi/utils';
import { cleanTexts, safePathSegment } from '../domain/text-hygiene';
import { codeForYupRule, type FieldErrorCode } from '../domain/field-error-codes';

type AnySchema = { type?: string; fields?: Record<string, AnySchema> } & Parameters<typeof validateYupSchema>[0];

export interface ShapeProblem {
  path: string[];
  message: string;
  code: FieldErrorCode;
}

const at = (path: string[]) => path.join('.');

/** Unknown keys come from the client: never echo markup or megabytes of them back. */
const safeKey = safePathSegment;

/**
 * What yup would not report, or would crash on, before it casts: keys the schema does not
 * describe (yup's `noUnknown()` silently strips them while casting) and non-strings where a
 * string is expected (its `trim()` transform throws a TypeError on an object: a 500).
 * Both were found by tests/integration/fuzz.test.ts.
 */
export function shapeProblems(schema: AnySchema, value: unknown, path: string[] = []): ShapeProblem[] {
  if (schema?.type === 'string') {
    return value === null || value === undefined || typeof value === 'string'
      ? []
      : [{ path, message: `${at(path)} must be a string`, code: 'invalid_type' }];
  }
  if (!schema?.fields || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    // own keys only: "constructor" or "toString" must not find Object.prototype's members
    const field = Object.hasOwn(schema.fields!, key) ? schema.fields![key] : undefined;
    if (field) return shapeProblems(field, child, [...path, key]);
    const where = [...path, safeKey(key)];
    return [{ path: where, message: `${at(where)} is not a known field`, code: 'unknown_field' }];
  });
}

const refuse = (problems: ShapeProblem[]) =>
  new errors.ValidationError(problems.length > 1 ? `${problems.length} errors occurred` : problems[0].message, {
    errors: problems.map((problem) => ({ ...problem, name: 'ValidationError', value: null })),
  });

/**
 * Public inputs: text hygiene first (no NUL or other C0 control, no lone surrogate, NFC; every
 * string at any depth, free maps such as `answers` included), then the shape, then yup with
 * casting (trim, lowercase, defaults).
 */
export function strictValidator<T>(schema: AnySchema) {
  return async (body: unknown): Promise<T> => {
    const cleaned = cleanTexts(body);
    if (cleaned.problems.length > 0)
      throw refuse(cleaned.problems.map((problem) => ({ ...problem, code: 'invalid_text' as const })));
    const problems = shapeProblems(schema, cleaned.value);
    if (problems.length > 0) throw refuse(problems);
    try {
      // validateYupSchema's options (strict: false casts, abortEarly: false reports every field)
      return (await schema.validate(cleaned.value, { strict: false, abortEarly: false })) as T;
    } catch (error) {
      if (error instanceof yup.ValidationError) throw withCodes(error);
      throw error;
    }
  };
}

/**
 * Strapi's own error for a yup failure (same path, message, name and value as validateYupSchema
 * gives), plus the code of the rule that failed: Strapi's formatter drops yup's `type`. Its
 * `details.errors` follow `inner` in order, or the error itself when `inner` is empty.
 */
function withCodes(failure: InstanceType<typeof yup.ValidationError>) {
  const refused = new errors.YupValidationError(failure);
  const failed = failure.inner.length > 0 ? failure.inner : [failure];
  const coded = refused.details.errors.map((entry, index) => ({ ...entry, code: codeForYupRule(failed[index]?.type) }));
  refused.details = { errors: coded };
  return refused;
}
