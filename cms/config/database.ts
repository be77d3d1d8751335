import { isBuild } from '../src/secrets';

/**
 * One dialect everywhere: PostgreSQL. DATABASE_URL is always set by the time Strapi starts:
 * scripts/start.mjs points it at the embedded server when the operator did not set one.
 */
export default ({ env }: { env: any }) => {
  const connectionString = env('DATABASE_URL');
  if (!connectionString && !isBuild()) {
    throw new Error('Missing DATABASE_URL: start with `npm start` (embedded PostgreSQL) or set DATABASE_URL.');
  }
  return {
    connection: {
      client: 'postgres',
      connection: {
        connectionString,
        ssl: env.bool('DATABASE_SSL', false)
          ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
          : false,
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};
