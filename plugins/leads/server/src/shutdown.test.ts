import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { trackHttpServer } from './shutdown';

const connects = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('trackHttpServer', () => {
  it('refuses new connections at once and lets the request in flight finish', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = http.createServer(async (_req, res) => {
      await gate;
      res.end('done');
    });
    const tracker = trackHttpServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const response = fetch(`http://127.0.0.1:${port}/`).then(async (r) => ({
      status: r.status,
      body: await r.text(),
      connection: r.headers.get('connection'),
    }));
    while (tracker.inFlight() === 0) await new Promise((resolve) => setImmediate(resolve));

    const drained = tracker.drain(5000);
    expect(await connects(port)).toBe(false);
    release();
    expect(await drained).toEqual({ inFlight: 1, timedOut: false });
    expect(await response).toEqual({ status: 200, body: 'done', connection: 'close' });
  });

  it('gives up on a request that outlives the deadline', async () => {
    const server = http.createServer(() => {
      // never answers
    });
    const tracker = trackHttpServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const hanging = fetch(`http://127.0.0.1:${port}/`).catch(() => 'aborted');
    while (tracker.inFlight() === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(await tracker.drain(50)).toEqual({ inFlight: 1, timedOut: true });
    server.closeAllConnections();
    expect(await hanging).toBe('aborted');
  });

  it('returns at once when nothing is in flight', async () => {
    const server = http.createServer((_req, res) => res.end());
    const tracker = trackHttpServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(await tracker.drain(5000)).toEqual({ inFlight: 0, timedOut: false });
    expect(server.listening).toBe(false);
  });
});
