/** `@magnetiq/plugin-leads/contract`: the leads core's types for other plugins (import type only). */
export * from '../server/src/contract';
