/*
 * Intentionally empty: `@strapi/strapi/admin`, `@strapi/design-system` and `@strapi/icons` ship
 * their own types, so the admin code is checked against them instead of an `any` module shim.
 */
export {};
