/** Validation rules shared by the plugins' public forms and the site's form islands. */
export * from './lead-fields';
