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
