/**
 * gzip and brotli copies of the built site's text files (`page.html.gz`, `page.html.br`), made
 * once per build at the highest levels: nginx serves the .gz ones with `gzip_static on` (the
 * official nginx image has no brotli module), the local site server (sirv) both.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TEXT = /\.(html|js|mjs|css|xml|svg|txt|json|webmanifest)$/;
const MIN_BYTES = 256;

export function precompress(dir) {
  let files = 0;
  const visit = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (TEXT.test(entry.name)) {
        const bytes = fs.readFileSync(file);
        if (bytes.length < MIN_BYTES) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(bytes, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        files += 1;
      }
    }
  };
  visit(dir);
  return files;
}

// `node scripts/lib/precompress.mjs site/dist` (the site's postbuild, e.g. in the Docker build)
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname && process.argv[2]) {
  console.log(`[precompress] ${precompress(path.resolve(process.argv[2]))} files in ${process.argv[2]}`);
}
