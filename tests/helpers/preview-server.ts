import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { DATA_DIR } from '../../scripts/lib/paths.mjs';
import { buildPreviewServer, startPreviewServer } from '../../scripts/lib/preview-server.mjs';

/**
 * Builds the preview server (site/astro.preview.config.mjs) into a folder of its own and starts it
 * where the test CMS's PREVIEW_URL points, with the API token the CMS wrote at boot, as `npm start`
 * does. Its log goes to .data/test-logs/preview-server.log.
 */
export async function startTestPreviewServer(): Promise<{ url: string; builtInMs: number; stop: () => Promise<void> }> {
  const preview = inject('preview');
  const outDir = fs.mkdtempSync(path.join(DATA_DIR, 'test-preview-dist-'));
  const log = fs.openSync(path.join(DATA_DIR, 'test-logs', 'preview-server.log'), 'a');
  const started = Date.now();
  await buildPreviewServer({ cmsUrl: inject('cmsUrl'), outDir });
  const builtInMs = Date.now() - started;
  const server = await startPreviewServer({
    port: preview.port,
    dir: outDir,
    stdio: ['ignore', log, log],
    env: {
      CMS_URL: inject('cmsUrl'),
      CMS_API_TOKEN_FILE: preview.tokenFile,
      PREVIEW_SECRET: preview.secret,
      PREVIEW_ADMIN_ORIGIN: new URL(inject('cmsUrl')).origin,
    },
  });
  return {
    url: server.url,
    builtInMs,
    stop: async () => {
      await server.stop();
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}
