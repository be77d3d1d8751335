// Admin customisations (locales, theme) go in app.tsx; see Strapi's admin customisation docs.
export default {
  config: {
    locales: ['de'],
  },
  bootstrap() {},
};
