import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRebuildQueue,
  HOOK_PATH,
  isFresh,
  listen,
  rebuildHandler,
  startSiteRebuilder,
  verifySignature,
} from './site-rebuild.mjs';

const SECRET = 'test-secret-0123456789';
const sign = (body: string, secret = SECRET) =>
  `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

/** Timers the test advances by hand: no sleeping, no flakiness. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout: (fn: () => void, ms: number) => {
      const id = nextId++;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id: number) => void due.delete(id),
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) {
          due.delete(id);
          timer.fn();
        }
      }
    },
    pending: () => due.size,
  };
}

/** A build the test finishes by hand. */
function controlledBuild() {
  const runs: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  return {
    build: () => new Promise<void>((resolve, reject) => runs.push({ resolve, reject })),
    runs,
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('verifySignature', () => {
  const body = Buffer.from('{"event":"site.rebuild"}');

  it('accepts the HMAC-SHA256 of the raw body with the shared secret', () => {
    expect(verifySignature(body, sign(body.toString()), SECRET)).toBe(true);
  });

  it.each([
    ['another secret', sign(body.toString(), 'other-secret-0123456789')],
    ['a changed body', sign('{"event":"site.rebuild" }')],
    ['no sha256= prefix', sign(body.toString()).slice(7)],
    ['uppercase hex', `sha256=${sign(body.toString()).slice(7).toUpperCase()}`],
    ['no header', undefined],
  ])('refuses %s', (_label, header) => {
    expect(verifySignature(body, header, SECRET)).toBe(false);
  });

  it('refuses everything without a secret', () => {
    expect(verifySignature(body, sign(body.toString(), ''), '')).toBe(false);
  });
});

describe('isFresh', () => {
  const now = Date.parse('2026-12-02T01:00:00Z');
  it.each([
    ['just sent', '2026-12-02T00:59:58Z', true],
    ['five minutes ago', '2026-12-02T00:55:00Z', true],
    ['six minutes ago', '2026-12-02T00:54:00Z', false],
    ['in the future beyond the window', '2026-12-02T01:06:00Z', false],
    ['not a date', 'yesterday', false],
  ])('%s → %s', (_label, sentAt, fresh) => {
    expect(isFresh(sentAt, now, 5 * 60_000)).toBe(fresh);
  });
});

describe('createRebuildQueue', () => {
  it('turns a burst of requests into one build after the quiet period', async () => {
    const timers = manualTimers();
    const { build, runs } = controlledBuild();
    const queue = createRebuildQueue({ build, debounceMs: 1000, timers });
    queue.request();
    timers.advance(600);
    queue.request();
    timers.advance(600);
    queue.request();
    timers.advance(999);
    await flush();
    expect(runs).toHaveLength(0);
    timers.advance(1);
    await flush();
    expect(runs).toHaveLength(1);
    runs[0].resolve();
    await queue.idle();
    expect(queue.stats()).toMatchObject({ requested: 3, started: 1, succeeded: 1, building: false });
  });

  it('never runs two builds at once, and builds once more for changes during a build', async () => {
    const timers = manualTimers();
    const { build, runs } = controlledBuild();
    const queue = createRebuildQueue({ build, debounceMs: 100, timers });
    queue.request();
    timers.advance(100);
    await flush();
    expect(runs).toHaveLength(1);
    // three changes while the first build runs
    for (let i = 0; i < 3; i++) {
      queue.request();
      timers.advance(100);
    }
    await flush();
    expect(runs).toHaveLength(1);
    runs[0].resolve();
    await flush();
    timers.advance(100);
    await flush();
    expect(runs).toHaveLength(2);
    runs[1].resolve();
    await queue.idle();
    expect(queue.stats()).toMatchObject({ started: 2, succeeded: 2 });
  });

  it('keeps going after a failed build and reports the error', async () => {
    const timers = manualTimers();
    const { build, runs } = controlledBuild();
    const logged: string[] = [];
    const queue = createRebuildQueue({ build, debounceMs: 10, timers, log: (line: string) => logged.push(line) });
    queue.request();
    timers.advance(10);
    await flush();
    runs[0].reject(new Error('CMS unreachable'));
    await queue.idle();
    expect(queue.stats()).toMatchObject({ failed: 1, lastError: 'CMS unreachable' });
    expect(logged.join('\n')).toContain('previous build stays online');
    queue.request();
    timers.advance(10);
    await flush();
    runs[1].resolve();
    await queue.idle();
    expect(queue.stats()).toMatchObject({ succeeded: 1, lastError: null });
  });
});

describe('the webhook receiver', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function receiver(now = () => Date.parse('2026-12-02T01:00:00Z')) {
    const requested: number[] = [];
    const queue = { request: () => requested.push(1), stats: () => ({ requested: requested.length }) };
    const server = await listen(rebuildHandler({ secret: SECRET, queue, now }), { port: 0 });
    closers.push(server.close);
    const post = (body: string, signature = sign(body), target = HOOK_PATH) =>
      fetch(`${server.url}${target}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Magnetiq-Signature': signature },
        body,
      });
    return { requested, post, url: server.url };
  }

  const delivery = (id: string, sentAt = '2026-12-02T00:59:59.000Z') =>
    JSON.stringify({
      id,
      event: 'site.rebuild',
      sentAt,
      trigger: { uid: 'api::page.page', action: 'publish', documentId: 'abc', locale: 'en' },
      requestedAt: sentAt,
    });

  it('queues a rebuild for a signed, fresh delivery', async () => {
    const { post, requested } = await receiver();
    const response = await post(delivery('site.rebuild:1'));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ queued: true });
    expect(requested).toHaveLength(1);
  });

  it('refuses a wrong signature without queueing anything', async () => {
    const { post, requested } = await receiver();
    expect(
      (await post(delivery('site.rebuild:2'), sign(delivery('site.rebuild:2'), 'wrong-secret-0123456789'))).status,
    ).toBe(401);
    expect((await post(delivery('site.rebuild:3'), '')).status).toBe(401);
    expect(requested).toHaveLength(0);
  });

  it('refuses a replayed old delivery and other events', async () => {
    const { post, requested } = await receiver();
    expect((await post(delivery('site.rebuild:4', '2026-12-01T12:00:00.000Z'))).status).toBe(401);
    expect(
      (await post(JSON.stringify({ id: 'x', event: 'entry.create', sentAt: '2026-12-02T00:59:59.000Z' }))).status,
    ).toBe(400);
    expect((await post('not json')).status).toBe(400);
    expect(requested).toHaveLength(0);
  });

  it('answers a retry of the same delivery without a second rebuild', async () => {
    const { post, requested } = await receiver();
    expect((await post(delivery('site.rebuild:5'))).status).toBe(202);
    const retry = await post(delivery('site.rebuild:5'));
    expect(retry.status).toBe(202);
    expect(await retry.json()).toEqual({ queued: false, duplicate: true });
    expect(requested).toHaveLength(1);
  });

  it('answers 404 elsewhere and 405 for other methods', async () => {
    const { post, url } = await receiver();
    expect((await post(delivery('site.rebuild:6'), undefined, '/other')).status).toBe(404);
    expect((await fetch(`${url}${HOOK_PATH}`)).status).toBe(405);
  });
});

describe('startSiteRebuilder', () => {
  it('switches the site to a new build only when the build succeeded', async () => {
    const buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-builds-'));
    const served: string[] = [];
    const site = { swap: (dir: string) => served.push(dir) };
    let fail = true;
    const buildInto = async (dir: string) => {
      fs.mkdirSync(dir, { recursive: true });
      if (fail) throw new Error('astro build failed');
      fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    };
    const rebuilder = await startSiteRebuilder({
      site,
      buildInto,
      secret: SECRET,
      buildsDir,
      port: 0,
      debounceMs: 0,
      log: () => {},
    });
    try {
      const body = JSON.stringify({ id: 'a', event: 'site.rebuild', sentAt: new Date().toISOString() });
      await fetch(rebuilder.hookUrl, { method: 'POST', headers: { 'X-Magnetiq-Signature': sign(body) }, body });
      await rebuilder.queue.idle();
      expect(served).toEqual([]);
      expect(fs.readdirSync(buildsDir)).toEqual([]); // the failed build's folder is gone

      fail = false;
      for (const id of ['b', 'c', 'd']) {
        const next = JSON.stringify({ id, event: 'site.rebuild', sentAt: new Date().toISOString() });
        await fetch(rebuilder.hookUrl, { method: 'POST', headers: { 'X-Magnetiq-Signature': sign(next) }, body: next });
        await rebuilder.queue.idle();
      }
      expect(served).toHaveLength(3);
      expect(fs.existsSync(path.join(served[2], 'index.html'))).toBe(true);
      // the current build and the one it replaced stay; older ones are removed
      expect(
        fs
          .readdirSync(buildsDir)
          .map((name) => path.join(buildsDir, name))
          .sort(),
      ).toEqual([served[1], served[2]].sort());
    } finally {
      await rebuilder.close();
      fs.rmSync(buildsDir, { recursive: true, force: true });
    }
  });
});
