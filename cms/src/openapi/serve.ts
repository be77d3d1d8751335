import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildDocument, type OpenApiDocument } from './document';
import { pluginRouters } from './plugins';

/** Built once per process, on first use: by then every plugin's routes are registered. */
let cached: OpenApiDocument | null = null;

export function openApiDocument(strapi: Core.Strapi): OpenApiDocument {
  cached ??= buildDocument(pluginRouters(strapi), {
    context: { strapi },
    version: String((strapi.config.get('info') as { version?: string } | undefined)?.version ?? '0.0.0'),
    apiPrefix: String(strapi.config.get('api.rest.prefix', '/api')),
  });
  return cached;
}

/** `API_DOCS`: on by default outside production (cms/config/api.ts). */
export const apiDocsEnabled = (strapi: Core.Strapi) => strapi.config.get<boolean>('api.docs.enabled', false) === true;

// The page loads everything from our own origin (the CSP allows scripts from 'self' only, and
// the machine may have no internet): Swagger UI's bundle from the swagger-ui-dist package.
const page = (base: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Magnetiq API</title>
<link rel="stylesheet" href="${base}swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-url="${base}openapi.json"></div>
<script src="${base}swagger-ui-bundle.js"></script>
<script src="${base}init.js"></script>
</body>
</html>
`;

// A reference, not a console: no "Try it out" (supportedSubmitMethods: []), no call to the
// public validator badge (validatorUrl: null).
const INIT = `(function () {
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-url'),
    dom_id: '#swagger-ui',
    deepLinking: true,
    supportedSubmitMethods: [],
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
    docExpansion: 'list',
  });
})();
`;

const ASSETS: Record<string, string> = {
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};

/**
 * `/api/docs` (the reference page), `/api/docs/openapi.json` (the document) and the page's
 * assets, when the docs are enabled. Registered on the app's router, like `/_ready`.
 */
export function registerApiDocs(strapi: Core.Strapi) {
  if (!apiDocsEnabled(strapi)) return;
  const prefix = `${String(strapi.config.get('api.rest.prefix', '/api'))}/docs`;
  const router = strapi.server.router;
  const assetDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  const assets = new Map<string, Buffer>();

  router.get(prefix, (ctx: Context) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'text/html; charset=utf-8';
    // relative links, so the page works behind a proxy that adds a path prefix
    ctx.body = page(ctx.path.endsWith('/') ? '' : 'docs/');
  });

  router.get(`${prefix}/openapi.json`, (ctx: Context) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'application/json';
    ctx.body = openApiDocument(strapi);
  });

  router.get(`${prefix}/init.js`, (ctx: Context) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'application/javascript; charset=utf-8';
    ctx.body = INIT;
  });

  for (const [file, type] of Object.entries(ASSETS)) {
    router.get(`${prefix}/${file}`, async (ctx: Context) => {
      if (!assets.has(file)) assets.set(file, await fs.readFile(path.join(assetDir, file)));
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.type = type;
      ctx.body = assets.get(file);
    });
  }
}
