/**
 * The preview server (docs/adr/0028-preview-redirects-builder.md): Astro in server mode for the
 * preview route only (srcDir preview/), rendering drafts with the site's own components and
 * layouts (src/). Built next to the static site: `astro build --config astro.preview.config.mjs`,
 * run with `node dist-preview/server/entry.mjs` (scripts/lib/preview-server.mjs does both).
 */
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  srcDir: './preview',
  outDir: './dist-preview',
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'ignore',
  integrations: [preact({ compat: true })],
  // the admin embeds the preview in an iframe of another origin: Astro's own form-origin check
  // is for the site's forms, which post to the CMS, not here
  security: { checkOrigin: false },
});
