// Admin customisations (locales, theme) go in app.tsx; see Strapi's admin customisation docs.
export default {
  config: {
    locales: ['de'],
    // No calls home from editors' browsers: the release check asks api.github.com.
    notifications: { releases: false },
  },
  bootstrap() {},
};
