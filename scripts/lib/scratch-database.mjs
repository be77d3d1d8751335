import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {
  canConnect,
  checkDatabaseUrl,
  createDatabase,
  dropDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from './postgres.mjs';
import { freePort } from './ports.mjs';

/**
 * The server that tests and benchmarks use: DATABASE_URL if set, else the machine's PostgreSQL on
 * 127.0.0.1:5432 (user postgres, trust) if it answers, else an embedded one.
 */
async function adminConnection() {
  if (process.env.DATABASE_URL) {
    return { adminUrl: withDatabase(process.env.DATABASE_URL, 'postgres'), stop: async () => {} };
  }
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if ((await canConnect('127.0.0.1', 5432)) && !(await checkDatabaseUrl(local))) {
    return { adminUrl: local, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `magnetiq-scratch-pg-${crypto.randomBytes(4).toString('hex')}`),
    port: await freePort(),
    persistent: false,
  });
  return { adminUrl: embedded.adminUrl, stop: embedded.stop };
}

/** A fresh database of its own for one run; `drop()` removes it (and stops an embedded server). */
export async function createScratchDatabase(prefix = 'magnetiq_test') {
  const { adminUrl, stop } = await adminConnection();
  const name = `${prefix}_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  await createDatabase(adminUrl, name);
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      await dropDatabase(adminUrl, name);
      await stop();
    },
  };
}
