/**
 * gzip and brotli copies of the built site's text files (`page.html.gz`, `page.html.br`), made
 * once per build at the highest levels: nginx serves the .gz ones with `gzip_static on` (the
 * official nginx image has no brotli module), the local site server (sirv) both.
 *
 * Brotli at quality 11 costs ~28 ms for a 25 KB page (gzip 9: 0.4 ms), which made it 96 of the
 * 112 s of a build with 3,000 articles (scripts/bench/site-build.ts, ADR 0025 addendum "Site
 * build"). So the files are compressed on zlib's thread pool (both cores), and with a `cacheDir`
 * the copies are kept by the content's SHA-256: a rebuild compresses only the files that changed
 * (one edited article: its page, the lists, the sitemap) and copies the rest.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const TEXT = /\.(html|js|mjs|css|xml|svg|txt|json|webmanifest)$/;
const MIN_BYTES = 256;
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

function textFiles(dir) {
  const files = [];
  const visit = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (TEXT.test(entry.name)) files.push(file);
    }
  };
  visit(dir);
  return files;
}

async function compress(bytes) {
  return Promise.all([
    gzip(bytes, { level: 9 }),
    brotli(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  ]);
}

/** Writes a file through a temporary name, so a concurrent reader never sees half of it. */
async function writeAtomically(file, bytes) {
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  await fs.promises.writeFile(temporary, bytes);
  await fs.promises.rename(temporary, file);
}

/**
 * Compresses every text file of at least 256 bytes below `dir`; resolves with how many. With
 * `cacheDir`, copies come from there when a file's content was compressed before, new ones are
 * added, and copies no build used since this one started are removed afterwards.
 */
export async function precompress(dir, { cacheDir } = {}) {
  const started = Date.now();
  if (cacheDir) fs.mkdirSync(cacheDir, { recursive: true });
  const files = textFiles(dir);
  let next = 0;
  let compressed = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const bytes = await fs.promises.readFile(file);
      if (bytes.length < MIN_BYTES) continue;
      compressed += 1;
      const cached = cacheDir && path.join(cacheDir, crypto.createHash('sha256').update(bytes).digest('hex'));
      if (cached && fs.existsSync(`${cached}.gz`) && fs.existsSync(`${cached}.br`)) {
        const now = new Date();
        await Promise.all(['.gz', '.br'].map((ext) => fs.promises.utimes(`${cached}${ext}`, now, now)));
        await Promise.all(['.gz', '.br'].map((ext) => fs.promises.copyFile(`${cached}${ext}`, `${file}${ext}`)));
        continue;
      }
      const [gz, br] = await compress(bytes);
      await Promise.all([fs.promises.writeFile(`${file}.gz`, gz), fs.promises.writeFile(`${file}.br`, br)]);
      if (cached) await Promise.all([writeAtomically(`${cached}.gz`, gz), writeAtomically(`${cached}.br`, br)]);
    }
  };
  // zlib's async calls run on libuv's thread pool (4 threads by default): a few more in flight keep it busy
  await Promise.all(Array.from({ length: Math.max(2, os.availableParallelism() * 2) }, worker));
  if (cacheDir) {
    for (const name of fs.readdirSync(cacheDir)) {
      const file = path.join(cacheDir, name);
      if (fs.statSync(file).mtimeMs < started - 1000) fs.rmSync(file, { force: true });
    }
  }
  return compressed;
}

// `node scripts/lib/precompress.mjs site/dist` (the site's postbuild, e.g. in the Docker build)
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname && process.argv[2]) {
  console.log(`[precompress] ${await precompress(path.resolve(process.argv[2]))} files in ${process.argv[2]}`);
}
