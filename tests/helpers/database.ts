import pg from 'pg';
import { createScratchDatabase } from '../../scripts/lib/scratch-database.mjs';

export interface TestDatabase {
  url: string;
  /**
   * A pool on this database for the test's own SQL; `drop()` ends it first. Its idle clients'
   * errors are ignored: `pool.end()` resolves before the sockets close, so the drop's termination of
   * the database's backends can reach a closing client, and a pool without an 'error' listener turns
   * that into an uncaught exception that fails the whole run (CI, 2026-12-07: "terminating connection
   * due to administrator command" after every test had passed). A query's own error still rejects.
   */
  pool: (options?: pg.PoolConfig) => pg.Pool;
  drop: () => Promise<void>;
}

/** A fresh database for this test run (see scripts/lib/scratch-database.mjs for which server). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const scratch = await createScratchDatabase('magnetiq_test');
  const pools: pg.Pool[] = [];
  return {
    url: scratch.url,
    pool: (options = {}) => {
      const pool = new pg.Pool({ connectionString: scratch.url, max: 2, ...options });
      pool.on('error', () => undefined);
      pools.push(pool);
      return pool;
    },
    drop: async () => {
      await Promise.all(pools.map((pool) => (pool.ended ? undefined : pool.end())));
      await scratch.drop();
    },
  };
}
