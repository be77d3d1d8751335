import { leadFields, utmSchema } from '../validation/submission';
import { strictValidator } from '../validation/strict';

/**
 * The lead-form validation for other plugins' public forms, at run time (a plugin cannot import
 * this package's source: each is built on its own). `leadFields` are yup fields to spread into
 * the plugin's own `yup.object`; `strictValidator` rejects unknown keys and non-strings first.
 */
export default () => ({ leadFields, utmSchema, strictValidator });
