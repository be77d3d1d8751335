#!/usr/bin/env node
/** `npm run build`: every plugin, then the CMS (server + admin panel). The site builds against a running CMS in `npm start`. */
import { buildCms, buildPlugins } from './lib/build.mjs';

const force = process.argv.includes('--force');
try {
  await buildPlugins({ force });
  await buildCms({ force });
} catch (error) {
  console.error(`[magnetiq] ${error.message}`);
  process.exit(1);
}
