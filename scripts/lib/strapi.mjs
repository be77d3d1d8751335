import { spawn } from 'node:child_process';
import { CMS_DIR, STRAPI_BIN } from './paths.mjs';

export async function waitForHealth(url, { timeoutMs = 120000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`Strapi exited with code ${child.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 204) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Strapi did not answer ${url}/_health within ${timeoutMs} ms`);
}

/**
 * Starts the built CMS (`strapi start`) as a child process and resolves once it is healthy.
 * `stop()` sends SIGTERM: Strapi's destroy() then takes the shutdown path every Strapi process
 * shares (plugins stop their workers, cron runs and database reads in flight finish:
 * cms/src/ops/shutdown.ts) before it closes the pool. In-process commands: strapi-command.mjs.
 */
export async function startStrapi({ env, port, stdio = 'inherit', timeoutMs, nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, STRAPI_BIN, 'start'], {
    cwd: CMS_DIR,
    env: { ...process.env, ...env, PORT: String(port), HOST: env?.HOST ?? '127.0.0.1' },
    stdio,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, { timeoutMs, child });
  const stop = (signal = 'SIGTERM') =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill('SIGKILL'), 15000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill(signal);
    });
  return { child, url, stop };
}
