/**
 * The preview server (site/astro.preview.config.mjs, docs/adr/0028-preview-redirects-builder.md):
 * built like the site (it reads the same collections for navigation and alternates), run as its
 * own Node process. `npm start` and the tests use these two functions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, SITE_DIR } from './paths.mjs';
import { run } from './build.mjs';

export const PREVIEW_DIST = path.join(SITE_DIR, 'dist-preview');

/** `astro build --config astro.preview.config.mjs` (server entry in `<outDir>/server/entry.mjs`). */
export async function buildPreviewServer({ cmsUrl, outDir = PREVIEW_DIST, env = {} } = {}) {
  await run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'build',
      '--config',
      'astro.preview.config.mjs',
      '--outDir',
      outDir,
    ],
    {
      cwd: SITE_DIR,
      env: { ...process.env, ...env, NODE_ENV: 'production', CMS_URL: cmsUrl ?? process.env.CMS_URL ?? '' },
    },
  );
}

/**
 * Starts the built preview server; resolves when it answers. `env` must carry PREVIEW_SECRET and
 * the CMS's address and API token (CMS_URL, CMS_API_TOKEN or CMS_API_TOKEN_FILE).
 */
export async function startPreviewServer({
  port,
  host = '127.0.0.1',
  dir = PREVIEW_DIST,
  env = {},
  stdio = 'inherit',
  timeoutMs = 30_000,
}) {
  const entry = path.join(dir, 'server', 'entry.mjs');
  if (!fs.existsSync(entry)) throw new Error(`the preview server is not built (${entry} is missing)`);
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env, NODE_ENV: 'production', HOST: host, PORT: String(port) },
    stdio,
  });
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the preview server exited (code ${child.exitCode})`);
    const up = await fetch(`${url}/preview/`, { signal: AbortSignal.timeout(2000) }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the preview server did not answer on ${url} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
