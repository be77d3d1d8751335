/** Server helpers shared by the Magnetiq plugins (plain functions and types, no Strapi state). */
export * from './tokens';
export * from './document-id';
export * from './topics';
export * from './delivery-errors';
export * from './public-form';
export * from './analytics';
export * from './lead-form';
export * from '../validation/lead-fields';
export * from './plugin-api';
export * from './http';
export * from './analytics-timeline';
export * from './plugin-server';
export * from './routes';
export * from './public-entry';
export * from './entry-fields';
export * from './preview-read';
