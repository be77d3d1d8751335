import type http from 'node:http';

/**
 * Graceful shutdown of the HTTP side (SIGTERM). Strapi's own destroy() runs the plugins' destroy
 * first and then destroys every open socket, in-flight requests included, while the listener
 * still accepts new connections until then. This closes the listener first (new connections are
 * refused), lets the requests in flight finish (up to a deadline), and answers them with
 * `Connection: close` so keep-alive clients do not reuse the socket.
 */
export interface HttpDrain {
  /** Stops accepting connections; resolves once no request is in flight or the deadline passed. */
  drain(timeoutMs: number): Promise<{ inFlight: number; timedOut: boolean }>;
  inFlight(): number;
}

export function trackHttpServer(server: http.Server): HttpDrain {
  const active = new Set<http.ServerResponse>();
  let draining = false;
  let idle: (() => void) | null = null;

  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    active.add(res);
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('close', () => {
      active.delete(res);
      if (active.size === 0) idle?.();
    });
  });

  return {
    inFlight: () => active.size,
    async drain(timeoutMs: number) {
      draining = true;
      for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
      // close() stops listening at once; its callback (all sockets gone) is not awaited here,
      // Strapi's server.destroy() ends the idle ones after the plugins' destroy.
      if (server.listening) server.close();
      server.closeIdleConnections?.();
      const before = active.size;
      if (active.size === 0) return { inFlight: 0, timedOut: false };
      const timedOut = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), timeoutMs);
        timer.unref?.();
        idle = () => {
          clearTimeout(timer);
          resolve(false);
        };
      });
      idle = null;
      server.closeIdleConnections?.();
      return { inFlight: before, timedOut };
    },
  };
}
