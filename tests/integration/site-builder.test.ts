/**
 * The production site builder (scripts/site-builder.mjs, docker-compose `site-builder`) outside
 * Docker: started as its own process with a temporary output folder, it refuses unsigned and
 * wrongly signed webhooks, and a signed one builds the site from the test CMS and swaps the
 * `current` symlink to the new build, whose redirects (recorded by the CMS) are in the nginx map,
 * the static redirect pages and the default-locale root.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DATA_DIR, ROOT } from '../../scripts/lib/paths.mjs';
import { freePort } from '../helpers/ports';
import { eventually } from '../helpers/wait';
import { contentManager, superAdminToken, uniqueSlug } from '../helpers/content';

const secret = crypto.randomBytes(24).toString('base64url');
let out: string;
let builder: ChildProcess;
let url: string;
let output = '';

const sign = (body: string, key = secret) => `sha256=${crypto.createHmac('sha256', key).update(body).digest('hex')}`;
const delivery = () =>
  JSON.stringify({
    id: `site.rebuild:${crypto.randomUUID()}`,
    event: 'site.rebuild',
    sentAt: new Date().toISOString(),
    trigger: { uid: 'api::redirect.redirect', action: 'create', documentId: null, locale: null },
  });
const post = (body: string, signature?: string) =>
  fetch(`${url}/hooks/site-rebuild`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(signature ? { 'X-Magnetiq-Signature': signature } : {}) },
    body,
  });
const current = () => {
  try {
    return fs.readlinkSync(path.join(out, 'current'));
  } catch {
    return null;
  }
};

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(DATA_DIR, 'test-site-builder-'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  builder = spawn(process.execPath, [path.join(ROOT, 'scripts', 'site-builder.mjs')], {
    env: {
      ...process.env,
      CMS_URL: inject('cmsUrl'),
      SITE_REBUILD_WEBHOOK_SECRET: secret,
      SITE_BUILDER_DIR: out,
      SITE_BUILDER_PORT: String(port),
      SITE_BUILDER_DEBOUNCE_MS: '100',
      SITE_BUILDER_BUILD_ON_START: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  builder.stdout!.on('data', (chunk) => (output += chunk));
  builder.stderr!.on('data', (chunk) => (output += chunk));
  await eventually(() => fetch(`${url}/status`).then((response) => response.ok), { what: `the builder (${output})` });
});

afterAll(async () => {
  if (builder.exitCode === null) {
    const exited = new Promise((resolve) => builder.once('exit', resolve));
    builder.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(out, { recursive: true, force: true });
});

describe('scripts/site-builder.mjs', () => {
  it('refuses a webhook without a signature or signed with another secret, and builds nothing', async () => {
    expect((await post(delivery())).status).toBe(401);
    const body = delivery();
    expect((await post(body, sign(body, 'not-the-secret'))).status).toBe(401);
    // a signature over other bytes than the body
    expect((await post(body, sign(`${body} `))).status).toBe(401);
    const status = await (await fetch(`${url}/status`)).json();
    expect(status).toMatchObject({ requested: 0, started: 0 });
    expect(current()).toBeNull();
  });

  it('builds on a signed webhook and swaps `current` to the new build, with the CMS’s redirects in it', async () => {
    const from = `${uniqueSlug('/en/builder-old')}/`;
    const created = await contentManager(await superAdminToken()).create('api::redirect.redirect', {
      from,
      to: '/en/contact/',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const body = delivery();
    const answer = await post(body, sign(body));
    expect(answer.status).toBe(202);
    const first = await eventually(async () => current(), { timeoutMs: 240_000, intervalMs: 500, what: 'the swap' });
    const served = path.join(out, first);
    expect(path.dirname(first)).toBe('builds');
    expect(fs.existsSync(path.join(served, 'en', 'index.html'))).toBe(true);
    expect(await (await fetch(`${url}/status`)).json()).toMatchObject({ succeeded: 1, failed: 0 });

    // the redirect: in the nginx map, as a static page, and the root goes to the CMS's default locale
    expect(fs.readFileSync(path.join(served, '.redirects', 'nginx-map.conf'), 'utf8')).toContain(
      `"${from}" "/en/contact/";`,
    );
    const page = fs.readFileSync(path.join(served, ...from.split('/').filter(Boolean), 'index.html'), 'utf8');
    expect(page).toContain('url=/en/contact/');
    expect(fs.readFileSync(path.join(served, '.redirects', 'root.conf'), 'utf8')).toContain('return 302 /en/;');

    // a second delivery: a new folder, the link moves in one rename, the replaced build stays for now
    const again = delivery();
    expect((await post(again, sign(again))).status).toBe(202);
    const second = await eventually(async () => current() !== first && current(), {
      timeoutMs: 240_000,
      intervalMs: 500,
      what: 'the second swap',
    });
    expect(fs.existsSync(path.join(out, second, 'index.html'))).toBe(true);
    expect(fs.existsSync(served)).toBe(true);
    expect(fs.readdirSync(out).filter((name) => name.startsWith('.current-'))).toEqual([]);
  }, 600_000);
});
