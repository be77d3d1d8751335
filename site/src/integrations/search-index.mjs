/**
 * The site's search index: Pagefind over the built HTML, run by Astro right after every build
 * (`astro:build:done`), so `npm start`, the tests' builds, the rebuild receiver and the Docker
 * image (`npm run build -w site`) all ship the same index without a step of their own.
 *
 * What is indexed is decided by the pages: content templates mark their main content with
 * `data-pagefind-body` and their type with `data-pagefind-filter="type:<type>"`; every other page
 * (lists, forms, the search page itself) is left out. Pagefind splits the index per `<html lang>`,
 * so each locale's search page finds only that locale's pages.
 *
 * The `pagefind` npm package resolves its binary from a platform package among its optional
 * dependencies (`@pagefind/linux-x64`, …): nothing is downloaded or compiled at build time.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Index the built site in `outDir` into `outDir/pagefind`; resolves with the number of HTML files it read. */
export async function indexSite(outDir) {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** The Astro integration: a failed index fails the build (a site without search is not published). */
export function searchIndex() {
  return {
    name: 'magnetiq:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = await indexSite(outDir);
        logger.info(`Pagefind read ${pages} pages, index in ${path.join(outDir, 'pagefind')}`);
      },
    },
  };
}
