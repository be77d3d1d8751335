import path from 'node:path';
import { createRequire } from 'node:module';
import { CMS_DIR } from './paths.mjs';

/**
 * Boots the built CMS inside this process for a one-shot command (seed, data fixes, backup
 * checks), runs `task(strapi)` and shuts Strapi down through its own destroy(): the plugins stop
 * their workers, Strapi stops its cron, and the app's destroy (cms/src/ops/shutdown.ts) waits for
 * the cron runs and database reads still in flight before the pool closes. `strapi start`
 * (start, tests, benchmarks: scripts/lib/strapi.mjs) takes the same path on SIGTERM.
 *
 * Background work a one-shot command does not want stays off: the boot-time seed and the
 * content scheduler (the outbox and the webinar reminders only start once the HTTP server
 * listens, which a command never does). A failed shutdown is a failed command: its exit code is 1.
 *
 * Returns the exit code: the task's (a number it returns, else 0), 1 if it or the shutdown threw.
 */
export async function runStrapiCommand(name, task, { env = {} } = {}) {
  Object.assign(process.env, { SEED_DEMO_CONTENT: 'false', CONTENT_SCHEDULER: 'false' }, env);
  const require = createRequire(path.join(CMS_DIR, 'package.json'));
  const { createStrapi } = require('@strapi/strapi');
  let strapi = null;
  let exitCode = 0;
  // a connection request aborted by the pool's close would otherwise end the process mid-shutdown
  // with Node's default handler; report it as this command's failure instead
  const onUnhandled = (error) => {
    console.error(`[${name}] unhandled rejection: ${error?.stack ?? error}`);
    exitCode = 1;
  };
  process.on('unhandledRejection', onUnhandled);
  try {
    strapi = await createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist') }).load();
    const result = await task(strapi);
    if (typeof result === 'number') exitCode = result;
  } catch (error) {
    console.error(`[${name}] ${error?.stack ?? error}`);
    exitCode = 1;
  }
  if (strapi) {
    try {
      await strapi.destroy();
    } catch (error) {
      console.error(`[${name}] shutdown failed: ${error?.stack ?? error}`);
      exitCode = 1;
    }
  }
  process.off('unhandledRejection', onUnhandled); // (Strapi's destroy() removes every process listener anyway)
  return exitCode;
}
