import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { ROOT, SITE_DIR } from './paths.mjs';

/**
 * The headers config/nginx/security-headers.conf sends in production, with its placeholders set
 * to the origins of this deployment, so the local server (npm start, the tests) enforces the same
 * Content-Security-Policy. Plain http here: `upgrade-insecure-requests` and HSTS are left out.
 */
export function nginxSecurityHeaders({
  cmsOrigin,
  analyticsOrigin = '',
  file = path.join(ROOT, 'config', 'nginx', 'security-headers.conf'),
}) {
  const headers = {};
  for (const [, name, value] of fs
    .readFileSync(file, 'utf8')
    .matchAll(/^add_header\s+([\w-]+)\s+"([^"]*)"\s+always;$/gm)) {
    if (name === 'Strict-Transport-Security') continue;
    headers[name] =
      name === 'Content-Security-Policy'
        ? value
            .replaceAll('https://cms.example.com', cmsOrigin)
            .replaceAll(' https://analytics.example.com', analyticsOrigin ? ` ${analyticsOrigin}` : '')
            .split(';')
            .map((directive) => directive.trim())
            .filter((directive) => directive && directive !== 'upgrade-insecure-requests')
            .join('; ')
        : value;
  }
  return headers;
}

/**
 * The build's redirects (site/integrations/redirects.mjs writes `.redirects/redirects.json`): a map
 * of old path → new path, with each folder path also without its slash, as the nginx map has it.
 */
export function readRedirects(folder) {
  const file = path.join(folder, '.redirects', 'redirects.json');
  let parsed;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { redirects: new Map(), defaultLocale: null };
  }
  const { redirects = [], defaultLocale = null } = parsed;
  const map = new Map();
  for (const { from, to } of redirects) {
    map.set(from, to);
    if (from.endsWith('/') && from.length > 1) map.set(from.slice(0, -1), to);
  }
  return { redirects: map, defaultLocale };
}

function redirectFor(redirects, pathname) {
  if (redirects.size === 0) return null;
  if (redirects.has(pathname)) return redirects.get(pathname);
  try {
    const decoded = decodeURI(pathname);
    return redirects.get(decoded) ?? null;
  } catch {
    return null;
  }
}

/**
 * Serves the built static site (site/dist) with the headers nginx sets in production (`headers`,
 * see nginxSecurityHeaders; a basic set without), and the build's precompressed .br/.gz copies
 * to browsers that accept them.
 * `swap(dir)` switches to another build in one assignment: a request is answered entirely from
 * the folder that was current when it arrived (the rebuild receiver uses this).
 */
export function serveSite({ port, host = '127.0.0.1', dir = path.join(SITE_DIR, 'dist'), headers = null } = {}) {
  // cache headers as config/nginx/site.conf sets them: hashed assets for a year, the rest revalidated
  const setHeaders = (res, pathname) =>
    res.setHeader(
      'Cache-Control',
      pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  const open = (folder) => ({
    folder,
    assets: sirv(folder, { etag: true, extensions: ['html'], dev: false, gzip: true, brotli: true, setHeaders }),
    ...readRedirects(folder),
  });
  let current = open(dir);
  const server = http.createServer((req, res) => {
    const { folder, assets, redirects, defaultLocale } = current;
    for (const [name, value] of Object.entries(
      headers ?? {
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'X-Frame-Options': 'SAMEORIGIN',
      },
    ))
      res.setHeader(name, value);
    const { pathname, search } = new URL(req.url ?? '/', 'http://site');
    // as config/nginx/site.conf: the root goes to the default locale (the build's), an old path to its new one
    if (pathname === '/' && defaultLocale) {
      res.writeHead(302, { Location: `/${defaultLocale}/`, 'Cache-Control': 'no-cache' });
      res.end();
      return;
    }
    const target = redirectFor(redirects, pathname);
    if (target) {
      res.writeHead(301, { Location: `${target}${search}`, 'Cache-Control': 'no-cache' });
      res.end();
      return;
    }
    assets(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      const page = path.join(folder, '404.html');
      res.end(
        fs.existsSync(page)
          ? fs.readFileSync(page)
          : '<!doctype html><title>Not found</title><h1>Page not found</h1><p><a href="/">Home</a></p>',
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${server.address().port}`,
        dir: () => current.folder,
        swap: (next) => {
          current = open(next);
        },
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
