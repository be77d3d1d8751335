#!/usr/bin/env node
/**
 * `npm run seed`: loads the demo content of database/seed/ into the configured database through
 * Strapi's own services (upload plugin, Document Service). Idempotent: a second run creates
 * nothing. Uses DATABASE_URL, else the embedded PostgreSQL of `npm start` (running or not).
 * The CMS also seeds an empty database by itself on boot (SEED_DEMO_CONTENT, config/.env.example).
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { CMS_DIR } from './lib/paths.mjs';
import { ensureDevelopmentSecrets, missingSecrets, readEnvFile } from './lib/secrets.mjs';
import { canConnect, createDatabase, databaseExists, startEmbeddedPostgres, withDatabase } from './lib/postgres.mjs';
import { assertPluginsBuilt, buildCms, buildPlugins } from './lib/build.mjs';
import { runStrapiCommand } from './lib/strapi-command.mjs';

const fail = (line) => {
  console.error(`[seed] ${line}`);
  process.exit(1);
};

const env = { ...readEnvFile(path.join(CMS_DIR, '.env')), ...process.env };
if (env.NODE_ENV === 'production') {
  const missing = missingSecrets(env);
  if (missing.length > 0) fail(`Missing ${missing.join(', ')} (see config/.env.example).`);
} else {
  Object.assign(env, ensureDevelopmentSecrets(env));
}

let embedded = null;
if (!env.DATABASE_URL) {
  const port = Number(env.EMBEDDED_PG_PORT || 54329);
  if (await canConnect('127.0.0.1', port)) {
    env.DATABASE_URL = `postgres://postgres:magnetiq@127.0.0.1:${port}/magnetiq`;
  } else {
    console.log('[seed] starting embedded PostgreSQL (data in .data/postgres)');
    embedded = await startEmbeddedPostgres({ port });
    if (!(await databaseExists(embedded.adminUrl, 'magnetiq'))) await createDatabase(embedded.adminUrl, 'magnetiq');
    env.DATABASE_URL = withDatabase(embedded.adminUrl, 'magnetiq');
  }
}

let exitCode;
try {
  await buildPlugins();
  assertPluginsBuilt();
  await buildCms();

  // The seed runs here, explicitly (runStrapiCommand keeps the boot-time seed and the scheduler off).
  Object.assign(process.env, env);
  exitCode = await runStrapiCommand('seed', async (strapi) => {
    const require = createRequire(path.join(CMS_DIR, 'package.json'));
    const { seedDemoContent, summarise } = require(path.join(CMS_DIR, 'dist', 'src', 'seed', 'index.js'));
    const report = await seedDemoContent(strapi);
    console.log(`[seed] ${summarise(report)}`);
    console.log(`[seed] result ${JSON.stringify(report)}`);
    return report.skipped.length > 0 ? 1 : 0;
  });
} catch (error) {
  console.error(`[seed] ${error.stack ?? error.message}`);
  exitCode = 1;
} finally {
  await embedded?.stop().catch(() => {});
}
process.exit(exitCode);
