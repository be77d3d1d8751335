/**
 * The redirects a build emits (site/integrations/redirects.mjs), served three ways: by the real
 * nginx with config/nginx/site.conf (301 from the generated map, the root to the default
 * locale), by scripts/lib/site-server.mjs (npm start, the tests), and as static redirect pages.
 * nginx is Debian's package (.ci/run installs it, as it installs Chromium).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './paths.mjs';
import { freePort } from './ports.mjs';
import { emitRedirects } from '../../site/integrations/redirects.mjs';
import { serveSite } from './site-server.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((file) => fs.existsSync(file));

let work: string;
let dist: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-redirects-'));
  dist = path.join(work, 'builds', 'one');
  for (const page of ['de/index.html', 'de/neu/index.html', 'en/new/index.html', 'en/live/index.html', 'index.html'])
    fs.mkdirSync(path.dirname(path.join(dist, page)), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<meta http-equiv="refresh" content="0; url=/de/">');
  fs.writeFileSync(path.join(dist, 'de/index.html'), 'home de');
  fs.writeFileSync(path.join(dist, 'de/neu/index.html'), 'neu');
  fs.writeFileSync(path.join(dist, 'en/new/index.html'), 'new page');
  fs.writeFileSync(path.join(dist, 'en/live/index.html'), 'a live page');
  fs.writeFileSync(path.join(dist, '404.html'), 'not found');
  emitRedirects(dist, {
    defaultLocale: 'de',
    site: 'https://www.example.com',
    redirects: [
      { from: '/en/old/', to: '/en/new/' },
      { from: '/de/alt/', to: '/de/neu/' },
      { from: '/en/live/', to: '/en/new/' },
      { from: '/en/bad"; return 200 "x/', to: '/en/new/' },
    ],
  });
  fs.symlinkSync('builds/one', path.join(work, 'current'));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the static build', () => {
  it('has a JS-free redirect page at each old path, and leaves a real page alone', () => {
    const page = fs.readFileSync(path.join(dist, 'en/old/index.html'), 'utf8');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/en/new/">');
    expect(page).toContain('<link rel="canonical" href="https://www.example.com/en/new/">');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toMatch(/<script/i);
    expect(fs.readFileSync(path.join(dist, 'en/live/index.html'), 'utf8')).toBe('a live page');
  });

  it('writes only plain paths into the nginx map', () => {
    const map = fs.readFileSync(path.join(dist, '.redirects/nginx-map.conf'), 'utf8');
    expect(map).toContain('"/en/old/" "/en/new/";');
    expect(map).toContain('"/en/old" "/en/new/";');
    expect(map).not.toContain('return 200');
  });
});

describe('scripts/lib/site-server.mjs', () => {
  let site: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    site = await serveSite({ port: 0, dir: dist });
  });
  afterAll(() => site.close());

  it('answers 301 for an old path (with and without its slash, query kept) and 302 at / to the default locale', async () => {
    const get = (pathname: string) => fetch(`${site.url}${pathname}`, { redirect: 'manual' });
    for (const [pathname, location] of [
      ['/en/old/', '/en/new/'],
      ['/en/old', '/en/new/'],
      ['/de/alt/?utm=x', '/de/neu/?utm=x'],
    ]) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(301);
      expect(response.headers.get('location')).toBe(location);
    }
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/de/');
    expect((await get('/en/new/')).status).toBe(200);
  });
});

describe.runIf(process.env.CI || NGINX)('nginx with config/nginx/site.conf', () => {
  let nginx: ChildProcess | null = null;
  let url = '';
  beforeAll(async () => {
    if (!NGINX) throw new Error('nginx is not installed: apt-get install nginx-light (.ci/run does)');
    const port = await freePort();
    const site = fs
      .readFileSync(path.join(ROOT, 'config/nginx/site.conf'), 'utf8')
      .replaceAll('/srv/site/current', path.join(work, 'current'))
      .replaceAll('/etc/nginx/snippets/security-headers.conf', path.join(ROOT, 'config/nginx/security-headers.conf'))
      .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
      .replace(/listen \[::\]:80;/, '');
    const conf = path.join(work, 'nginx.conf');
    fs.writeFileSync(
      conf,
      `user root;\ndaemon off;\nworker_processes 1;\npid ${work}/nginx.pid;\nerror_log ${work}/error.log;\n` +
        `events { worker_connections 64; }\nhttp {\naccess_log off;\ninclude /etc/nginx/mime.types;\n` +
        `client_body_temp_path ${work}/tmp;\nproxy_temp_path ${work}/tmp;\nfastcgi_temp_path ${work}/tmp;\n` +
        `uwsgi_temp_path ${work}/tmp;\nscgi_temp_path ${work}/tmp;\n${site}\n}\n`,
    );
    fs.mkdirSync(path.join(work, 'tmp'), { recursive: true });
    const check = spawnSync(NGINX, ['-t', '-p', work, '-c', conf], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    nginx = spawn(NGINX, ['-p', work, '-c', conf], { stdio: 'ignore' });
    url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      if (
        await fetch(`${url}/de/`).then(
          () => true,
          () => false,
        )
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`nginx did not start: ${fs.readFileSync(path.join(work, 'error.log'), 'utf8')}`);
  });
  afterAll(() => {
    nginx?.kill('SIGTERM');
  });

  it('answers 301 from the generated map, with the security headers', async () => {
    for (const [pathname, location] of [
      ['/en/old/', '/en/new/'],
      ['/en/old', '/en/new/'],
      ['/de/alt/', '/de/neu/'],
      ['/en/live/', '/en/new/'],
    ]) {
      const response = await fetch(`${url}${pathname}`, { redirect: 'manual' });
      expect(response.status, pathname).toBe(301);
      expect(response.headers.get('location')).toBe(location);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const page = await fetch(`${url}/en/new/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('new page');
  });

  it('sends / to the build’s default locale, not a hard-coded one', async () => {
    const response = await fetch(`${url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/de/');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('does not serve the generated files', async () => {
    expect((await fetch(`${url}/.redirects/nginx-map.conf`)).status).toBe(404);
  });
});
