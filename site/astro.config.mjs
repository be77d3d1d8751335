import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { searchIndex } from './src/integrations/search-index.mjs';
import redirects from './integrations/redirects.mjs';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  // where the content store is kept between builds (the incremental CMS loader, ADR 0025):
  // a folder of its own per target, e.g. for the site builder or a bench (default node_modules/.astro)
  ...(process.env.SITE_CACHE_DIR ? { cacheDir: process.env.SITE_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Preact with its React compatibility layer renders the islands (about 8 KB gzip instead of
  // React 18's 45 KB; docs/adr/0029-site-design-and-search.md): the TSX keeps importing `react`.
  integrations: [preact({ compat: true }), redirects(), searchIndex()],
  // the one stylesheet in every page's head: no render-blocking request (Lighthouse performance)
  build: { inlineStylesheets: 'always' },
  vite: {
    build: {
      // The search page's script stays a file of its own (script-src 'self'), never an inline
      // script whose hash the CSP would have to list; everything else keeps Vite's 4 KB default.
      assetsInlineLimit: (file) => (file.includes('search') && file.endsWith('.js') ? false : undefined),
    },
  },
  // No `i18n` block: which locales exist is data in the CMS (src/lib/locales.ts reads them at
  // build), and every locale's routes are under /<locale>/ through the [lang] pages.
});
