import crypto from 'node:crypto';
import path from 'node:path';
import os from 'node:os';
// @ts-expect-error plain ESM helpers shared with the start script
import { canConnect, checkDatabaseUrl, createDatabase, dropDatabase, startEmbeddedPostgres, withDatabase } from '../../scripts/lib/postgres.mjs';
import { freePort } from './ports';

/**
 * The server tests use: DATABASE_URL if set, else the machine's PostgreSQL on 127.0.0.1:5432
 * (user postgres, trust) if it answers, else an embedded one. Each run gets its own database.
 */
async function adminConnection(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    return { adminUrl: withDatabase(process.env.DATABASE_URL, 'postgres'), stop: async () => {} };
  }
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if ((await canConnect('127.0.0.1', 5432)) && !(await checkDatabaseUrl(local))) {
    return { adminUrl: local, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `magnetiq-test-pg-${crypto.randomBytes(4).toString('hex')}`),
    port: await freePort(),
    persistent: false,
  });
  return { adminUrl: embedded.adminUrl, stop: embedded.stop };
}

export async function createTestDatabase() {
  const { adminUrl, stop } = await adminConnection();
  const name = `magnetiq_test_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  await createDatabase(adminUrl, name);
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      await dropDatabase(adminUrl, name);
      await stop();
    },
  };
}
