#!/usr/bin/env node
// `npm run bench`: every benchmark in this folder, one after the other (they share 2 cores).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const benches = fs.readdirSync(here).filter((file) => file.endsWith('.ts') && (!only || file.startsWith(only)));
let failed = 0;
for (const bench of benches) {
  console.log(`[bench] ${bench}`);
  const result = spawnSync(process.execPath, [path.join(here, bench), ...process.argv.slice(3)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
