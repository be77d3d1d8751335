/**
 * Rebuilds the static site when the CMS says its content changed (docs/site-rebuild-webhook.md):
 * a small HTTP receiver checks the HMAC signature over the raw body, the event and its age, drops
 * repeated deliveries, and asks a debounced queue for a build. One build runs at a time; changes
 * that arrive during a build lead to one more build afterwards. Each build goes to a folder of its
 * own and the site server switches to it only when the build succeeded, so visitors never see a
 * half-written site.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const HOOK_PATH = '/hooks/site-rebuild';
const MAX_BODY_BYTES = 64 * 1024;

/** `sha256=<hex HMAC-SHA256 of the raw body>`, compared in constant time. */
export function verifySignature(rawBody, header, secret) {
  if (!secret || typeof header !== 'string') return false;
  const expected = Buffer.from(`sha256=${crypto.createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  const received = Buffer.from(header);
  return expected.length === received.length && crypto.timingSafeEqual(expected, received);
}

/** A delivery signed long ago (or in the future) is a replay or a broken clock: refuse it. */
export function isFresh(sentAt, nowMs, maxAgeMs) {
  const sent = Date.parse(sentAt);
  return Number.isFinite(sent) && Math.abs(nowMs - sent) <= maxAgeMs;
}

/**
 * Debounced, serial builds. `request()` (re)starts the quiet period; when it ends, `build()` runs,
 * unless one is running: then exactly one more build follows it. Timers are injectable so tests
 * step through time instead of sleeping.
 */
export function createRebuildQueue({ build, debounceMs, timers = { setTimeout, clearTimeout }, log = () => {} }) {
  let timer = null;
  let running = null;
  let pending = false;
  let waiters = [];
  const stats = { requested: 0, started: 0, succeeded: 0, failed: 0, lastError: null };

  const settleIfIdle = () => {
    if (timer || running || pending) return;
    const done = waiters;
    waiters = [];
    done.forEach((resolve) => resolve());
  };

  const start = () => {
    timer = null;
    if (running) {
      pending = true;
      return;
    }
    stats.started += 1;
    running = Promise.resolve()
      .then(build)
      .then(
        () => {
          stats.succeeded += 1;
          stats.lastError = null;
        },
        (error) => {
          stats.failed += 1;
          stats.lastError = error?.message ?? String(error);
          log(`site rebuild failed, the previous build stays online: ${stats.lastError}`);
        },
      )
      .finally(() => {
        running = null;
        if (pending) {
          pending = false;
          schedule();
        }
        settleIfIdle();
      });
  };

  const schedule = () => {
    if (timer) timers.clearTimeout(timer);
    timer = timers.setTimeout(start, debounceMs);
  };

  return {
    request() {
      stats.requested += 1;
      schedule();
    },
    /** resolves when no build is waiting or running */
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settleIfIdle();
      });
    },
    stats: () => ({ ...stats, building: Boolean(running), waiting: Boolean(timer) || pending }),
    cancel() {
      if (timer) timers.clearTimeout(timer);
      timer = null;
      pending = false;
    },
  };
}

/**
 * Answers the webhook: 202 when a rebuild is queued (or the delivery was seen before), 401 for a
 * bad signature or a stale delivery, 400 for a body that is not the site.rebuild event.
 */
export function rebuildHandler({ secret, queue, now = Date.now, maxAgeMs = 5 * 60_000, rememberDeliveries = 500 }) {
  const seen = new Set();
  const answer = (res, status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (url.pathname === '/status' && req.method === 'GET') return answer(res, 200, queue.stats());
    if (url.pathname !== HOOK_PATH) return answer(res, 404, { error: 'not found' });
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return answer(res, 405, { error: 'POST only' });
    }
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return answer(res, 413, { error: 'body too large' });
      const raw = Buffer.concat(chunks);
      if (!verifySignature(raw, req.headers['x-magnetiq-signature'], secret))
        return answer(res, 401, { error: 'bad signature' });
      let event;
      try {
        event = JSON.parse(raw.toString('utf8'));
      } catch {
        return answer(res, 400, { error: 'body is not JSON' });
      }
      if (event?.event !== 'site.rebuild' || typeof event.id !== 'string')
        return answer(res, 400, { error: 'not a site.rebuild event' });
      if (!isFresh(event.sentAt, now(), maxAgeMs)) return answer(res, 401, { error: 'delivery too old' });
      if (seen.has(event.id)) return answer(res, 202, { queued: false, duplicate: true });
      seen.add(event.id);
      if (seen.size > rememberDeliveries) seen.delete(seen.values().next().value);
      queue.request();
      return answer(res, 202, { queued: true });
    });
  };
}

export function listen(handler, { port, host = '127.0.0.1' }) {
  const server = http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${server.address().port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

/**
 * The receiver plus builds into `buildsDir/<timestamp>`; on success the site server switches to
 * the new folder. The folder it replaced is removed one build later, older ones at once.
 */
export async function startSiteRebuilder({
  site,
  buildInto,
  secret,
  buildsDir,
  port,
  host = '127.0.0.1',
  debounceMs = 2000,
  log = console.log,
  current = null,
}) {
  if (!secret) throw new Error('the site rebuild receiver needs SITE_REBUILD_WEBHOOK_SECRET');
  fs.mkdirSync(buildsDir, { recursive: true });
  // the folder served now (maybe a build of an earlier run) is kept like a replaced one
  let previous = current;
  let count = 0;
  const queue = createRebuildQueue({
    debounceMs,
    log,
    build: async () => {
      count += 1;
      const dir = path.join(buildsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${count}`);
      log('[magnetiq] content changed: rebuilding the site');
      try {
        await buildInto(dir);
        if (!fs.existsSync(path.join(dir, 'index.html')))
          throw new Error(`the build wrote no ${path.join(dir, 'index.html')}`);
      } catch (error) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }
      site.swap(dir);
      // the folder just replaced stays until the next swap, for requests still reading from it
      for (const entry of fs.readdirSync(buildsDir)) {
        const other = path.join(buildsDir, entry);
        if (other !== dir && other !== previous) fs.rmSync(other, { recursive: true, force: true });
      }
      previous = dir;
      log(`[magnetiq] site rebuilt, now serving ${path.relative(process.cwd(), dir) || dir}`);
    },
  });
  const server = await listen(rebuildHandler({ secret, queue }), { port, host });
  return {
    url: server.url,
    hookUrl: `${server.url}${HOOK_PATH}`,
    queue,
    close: async () => {
      queue.cancel();
      await queue.idle();
      await server.close();
    },
  };
}

/** The newest complete build among `candidates` (by its index.html), so a restart serves the latest content. */
export function newestBuild(candidates) {
  let best = null;
  for (const dir of candidates) {
    const marker = path.join(dir, 'index.html');
    if (!fs.existsSync(marker)) continue;
    const time = fs.statSync(marker).mtimeMs;
    if (!best || time > best.time) best = { dir, time };
  }
  return best?.dir ?? null;
}

export const buildsIn = (buildsDir) =>
  fs.existsSync(buildsDir) ? fs.readdirSync(buildsDir).map((name) => path.join(buildsDir, name)) : [];
