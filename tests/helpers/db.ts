import pg from 'pg';
import { afterAll, inject } from 'vitest';

let pool: pg.Pool | null = null;

/** Direct SQL on the test database, to check rows the API does not (and must not) expose. */
export function db(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 2 });
    // an idle client's error (the global teardown drops the database) must not be an uncaught
    // exception; see TestDatabase.pool in ./database.ts
    pool.on('error', () => undefined);
    afterAll(async () => {
      await pool?.end();
      pool = null;
    });
  }
  return pool;
}

export async function rows<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db().query(sql, params)).rows as T[];
}

export async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await rows<{ count: string }>(sql, params);
  return Number(row.count);
}
