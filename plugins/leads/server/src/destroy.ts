import type { Core } from '@strapi/strapi';
import { httpDrainOf } from './bootstrap';
import { getConfig, getService } from './utils';

/**
 * SIGTERM (Strapi's destroy): refuse new connections, let the requests in flight finish and the
 * outbox worker finish its delivery or release its claimed rows, all within shutdownTimeoutMs.
 * Strapi then closes the remaining sockets and the database pool and exits with code 0.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const timeoutMs = getConfig(strapi).shutdownTimeoutMs;
  const started = Date.now();
  const drain = httpDrainOf(strapi);
  const [http, outbox] = await Promise.all([
    drain ? drain.drain(timeoutMs) : Promise.resolve({ inFlight: 0, timedOut: false }),
    getService(strapi, 'outbox').stop({ timeoutMs }),
  ]);
  strapi.log.info(
    `leads: shutdown after ${Date.now() - started} ms: ${http.inFlight} request(s) in flight${http.timedOut ? ' (deadline passed)' : ' finished'}, outbox ${outbox.released > 0 ? `released ${outbox.released} row(s)` : 'stopped cleanly'}`,
  );
  await getService(strapi, 'rate-limit').close();
  await getService(strapi, 'cluster').stop();
};
