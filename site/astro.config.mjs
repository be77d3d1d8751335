import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import redirects from './integrations/redirects.mjs';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  integrations: [react(), redirects()],
  // No `i18n` block: which locales exist is data in the CMS (src/lib/locales.ts reads them at
  // build), and every locale's routes are under /<locale>/ through the [lang] pages.
});
