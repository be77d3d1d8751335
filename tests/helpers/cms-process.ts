import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { DATA_DIR } from '../../scripts/lib/paths.mjs';
import { startStrapi } from '../../scripts/lib/strapi.mjs';
import { freePort } from './ports';

export interface CmsProcess {
  child: ChildProcess;
  url: string;
  port: number;
  logFile: string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * A CMS process of one test file (besides the shared one of the global setup), e.g. one to kill
 * or to boot on a prepared database. Logs to .data/test-logs/<name>.log; a failed start throws
 * with the log's last lines. PUBLIC_URL defaults to the process's own address.
 */
export async function startTestCms(
  name: string,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<CmsProcess> {
  const port = await freePort();
  const logFile = path.join(DATA_DIR, 'test-logs', `${name}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  try {
    const cms = await startStrapi({
      port,
      stdio: ['ignore', log, log],
      timeoutMs,
      env: { NODE_ENV: 'test', PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    });
    return { ...cms, port, logFile };
  } catch (error) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${(error as Error).message}\n--- last lines of ${logFile} ---\n${tail}`, { cause: error });
  } finally {
    fs.closeSync(log); // the child has its own copy of the descriptor
  }
}

/** Resolves with the exit code and signal of a CMS process (at once if it has exited already). */
export const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

/** What a test file's own CMS is wired to: its database, its admin, the fake SendGrid. */
export interface OwnCmsWiring {
  secrets: Record<string, string>;
  databaseUrl: string;
  admin: { email: string; password: string };
  sendgridUrl: string;
}

/**
 * The environment of a test file's own CMS: its secrets and database, its first admin, proxy
 * headers trusted (tests send X-Forwarded-For), no demo content and no scheduler, the fake
 * SendGrid, and a site origin nobody listens on. `more` adds to it or overrides it.
 */
export const ownCmsEnv = (wiring: OwnCmsWiring, more: Record<string, string> = {}): Record<string, string> => ({
  ...wiring.secrets,
  DATABASE_URL: wiring.databaseUrl,
  ADMIN_EMAIL: wiring.admin.email,
  ADMIN_PASSWORD: wiring.admin.password,
  TRUST_PROXY: 'true',
  SEED_DEMO_CONTENT: 'false',
  CONTENT_SCHEDULER: 'false',
  SENDGRID_API_KEY: 'SG.test-key',
  SENDGRID_BASE_URL: wiring.sendgridUrl,
  SITE_URL: 'http://127.0.0.1:9',
  CORS_ORIGINS: 'http://127.0.0.1:9',
  ...more,
});

/** Outbox retries of a CMS that is killed and restarted: minutes of outage compressed into seconds. */
export const QUICK_OUTBOX_RETRIES = { OUTBOX_POLL_MS: '200', OUTBOX_BASE_DELAY_MS: '100', OUTBOX_MAX_DELAY_MS: '800' };
