#!/usr/bin/env node
/**
 * `npm test`: every vitest project (unit, then integration + e2e against a real Strapi on
 * PostgreSQL and Chromium), ending with the line `N passed, N failed[, N skipped]`.
 * Extra arguments go to vitest (e.g. `npm test -- --project unit`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { DATA_DIR, ROOT } from './lib/paths.mjs';

fs.mkdirSync(DATA_DIR, { recursive: true });
const resultsFile = path.join(DATA_DIR, 'test-results.json');
fs.rmSync(resultsFile, { force: true });

const args = [
  path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${resultsFile}`,
  ...process.argv.slice(2),
];

const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);

child.once('exit', (code, signal) => {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (fs.existsSync(resultsFile)) {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    passed = results.numPassedTests ?? 0;
    failed = results.numFailedTests ?? 0;
    skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
    // A file that failed to load (or a failing global setup) fails without failing a test: count it.
    const brokenFiles = (results.testResults ?? []).filter(
      (file) => file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed'),
    ).length;
    failed += brokenFiles;
  }
  const exitCode = code ?? (signal ? 1 : 0);
  if (exitCode !== 0 && failed === 0) failed = 1; // e.g. the global setup failed before any test ran
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(exitCode !== 0 ? exitCode : failed > 0 ? 1 : 0);
});
