import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { leads } from '../utils';

type Schema = Parameters<ReturnType<typeof leads>['forms']['strictValidator']>[0];

/**
 * Input through the leads core's strict check (unknown keys, non-strings in objects: a 400 with
 * codes). Inside arrays (topics, blocks) that check does not look, and yup's `trim` throws a
 * TypeError on an object: that is a 400 too, never a 500.
 */
export const validateStrict = async <T>(strapi: Core.Strapi, schema: Schema, body: unknown): Promise<T> => {
  try {
    return await leads(strapi).forms.strictValidator<T>(schema)(body);
  } catch (error) {
    if (error instanceof TypeError)
      throw new errors.ValidationError('A field has the wrong type', {
        errors: [
          {
            path: [],
            message: 'a field has the wrong type',
            name: 'ValidationError',
            value: null,
            code: 'invalid_type',
          },
        ],
      });
    throw error;
  }
};
