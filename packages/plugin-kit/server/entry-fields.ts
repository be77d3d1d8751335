import { yup } from '@strapi/utils';
import { SLUG_PATTERN } from '../validation/lead-fields';

/**
 * The yup fields of a localized entry's admin input (webinars, whitepapers): a title and a slug of
 * lowercase words joined by hyphens. To spread into the input's own `yup.object`.
 */
export const entryFields = () => ({
  title: yup.string().trim().required().max(300),
  slug: yup.string().trim().required().max(200).matches(SLUG_PATTERN, 'slug must be lowercase words joined by hyphens'),
});
