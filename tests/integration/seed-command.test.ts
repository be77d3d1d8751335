/**
 * `npm run seed` as a new user runs it (issue 24): the real command (`node scripts/seed.mjs`)
 * against a brand-new database, five times on five fresh databases, then once more on a seeded
 * one. Every run must exit 0 and print the seed's report.
 *
 * Before the shared shutdown path (cms/src/ops/shutdown.ts, scripts/lib/strapi-command.mjs)
 * most fresh-database runs died after the report with "Error: aborted" from the pool: Strapi
 * emits the seed's last document events after the commit without awaiting them, and
 * `strapi.destroy()` closed the pool under their reads.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CMS_DIR, ROOT } from '../../scripts/lib/paths.mjs';
import { createDatabase, dropDatabase, withDatabase } from '../../scripts/lib/postgres.mjs';

const FRESH_RUNS = 5;
const adminUrl = () => withDatabase(inject('databaseUrl'), 'postgres');
const created: string[] = [];
const uploadsDir = path.join(CMS_DIR, 'public', 'uploads');
const uploadsBefore = new Set(fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir) : []);

function runSeed(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'seed.mjs')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

async function freshDatabase() {
  const name = `magnetiq_seed_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  await createDatabase(adminUrl(), name);
  created.push(name);
  return withDatabase(inject('databaseUrl'), name);
}

const report = (output: string) => {
  const line = output.split('\n').find((text) => text.startsWith('[seed] result '));
  return line
    ? (JSON.parse(line.slice('[seed] result '.length)) as {
        created: Record<string, number>;
        existing: Record<string, number>;
        skipped: unknown[];
      })
    : null;
};
const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
const tail = (output: string) => output.split('\n').slice(-25).join('\n');

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl(), name).catch(() => undefined);
  // the media of the scratch databases; the test CMS's own uploads stay
  if (fs.existsSync(uploadsDir))
    for (const file of fs.readdirSync(uploadsDir))
      if (!uploadsBefore.has(file)) fs.rmSync(path.join(uploadsDir, file), { force: true });
}, 60_000);

describe('npm run seed', () => {
  let seeded = '';

  it(`exits 0 with its report on a brand-new database, ${FRESH_RUNS} times out of ${FRESH_RUNS}`, async () => {
    const outcomes: Array<{ code: number | null; output: string }> = [];
    for (let run = 0; run < FRESH_RUNS; run++) {
      seeded = await freshDatabase();
      outcomes.push(await runSeed(seeded));
    }
    for (const [index, { code, output }] of outcomes.entries()) {
      expect(code, `run ${index + 1} exited ${code}:\n${tail(output)}`).toBe(0);
      expect(output).not.toContain('Error: aborted');
      const result = report(output);
      expect(result, `run ${index + 1} printed no report:\n${tail(output)}`).not.toBeNull();
      expect(total(result!.created)).toBeGreaterThan(0);
      expect(result!.skipped).toEqual([]);
      expect(output).toMatch(/\[seed\] created \d+ \(/);
    }
  }, 300_000);

  it('exits 0 again on the seeded database and creates nothing', async () => {
    expect(seeded).not.toBe('');
    const { code, output } = await runSeed(seeded);
    expect(code, tail(output)).toBe(0);
    const result = report(output);
    expect(result, tail(output)).not.toBeNull();
    expect(total(result!.created)).toBe(0);
    expect(total(result!.existing)).toBeGreaterThan(0);
  }, 120_000);
});
