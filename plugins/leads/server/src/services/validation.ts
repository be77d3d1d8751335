import { shapeProblems, strictValidator } from '../validation/strict';

/**
 * The leads core's checks for public input, for every plugin's forms: unknown keys and
 * non-strings where strings belong are refused with a 400 before yup casts (yup would strip the
 * first silently and crash on the second). `strict(schema)` returns a validator
 * `(body) => Promise<value>` that throws Strapi's ValidationError with field details.
 */
export default () => ({
  strict: strictValidator,
  shapeProblems,
});
