import net from 'node:net';

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The ports `npm start` uses unless the environment names others (PORT, SITE_PORT,
 * SITE_REBUILD_PORT, PREVIEW_PORT).
 */
export const DEFAULT_PORTS = Object.freeze({ cms: 1337, site: 4321, rebuild: 4322, preview: 4323 });
