/** Server helpers shared by the Magnetiq plugins (plain functions and types, no Strapi state). */
export {};
