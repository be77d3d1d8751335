/**
 * The fake Odoo of the tests (tests/fakes/odoo/, TypeScript with extensionless imports) for a
 * benchmark run by plain Node: bundled once with esbuild into the data folder, then imported.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { DATA_DIR, ROOT } from '../../lib/paths.mjs';

export interface BenchFakeOdoo {
  url: string;
  db: string;
  login: string;
  password: string;
  close(): Promise<void>;
}

export async function startBenchFakeOdoo(options: { version?: 17 | 18 | 19 } = {}): Promise<BenchFakeOdoo> {
  const outfile = path.join(DATA_DIR, 'bench', 'fake-odoo.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'tests', 'fakes', 'odoo', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  const module = (await import(pathToFileURL(outfile).href)) as {
    startFakeOdoo(options: { version?: number }): Promise<BenchFakeOdoo>;
  };
  return module.startFakeOdoo({ version: options.version ?? 17 });
}
