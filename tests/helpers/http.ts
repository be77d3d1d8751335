import crypto from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createConformance } from './openapi-conformance';

// Each test file loads its own copy of this module: a random start in 10.0.0.0/8 keeps the
// addresses of different files apart, so one file's traffic never uses up another's rate limit.
let nextAddress = crypto.randomInt(0, 2 ** 24 - 100_000);

/** A distinct client address per caller, sent as X-Forwarded-For (the test CMS trusts the proxy). */
export function clientIp(): string {
  const n = nextAddress++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** A call to the test CMS (or, with `baseUrl`, another CMS process of a test). */
export async function api(path: string, init: RequestInit & { ip?: string; json?: unknown; baseUrl?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.ip) headers.set('X-Forwarded-For', init.ip);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const response = await fetch(`${init.baseUrl ?? inject('cmsUrl')}${path}`, {
    ...init,
    headers,
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let data: any;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  // a followed redirect's answer is another route's (or the site's)
  if (!response.redirected)
    await checkConformance({
      method: init.method ?? 'GET',
      url: path,
      requestBody: init.json,
      status: response.status,
      contentType: response.headers.get('Content-Type'),
      body: data,
    });
  return { status: response.status, headers: response.headers, body: data };
}

// Every answer of a documented route is checked against the CMS's OpenAPI document; the
// mismatches fail the test file at its end (docs/adr/0021-openapi.md). The document is fetched
// once per file; without it (API_DOCS off) nothing is checked.
let conformance: Promise<ReturnType<typeof createConformance> | null> | null = null;
const mismatches = new Set<string>();
let checked = 0;

/** How many answers of this file were checked against the document (the check is not idle). */
export const conformanceChecked = () => checked;

async function checkConformance(exchange: Parameters<ReturnType<typeof createConformance>['check']>[0]) {
  if (process.env.OPENAPI_CONFORMANCE === 'off') return;
  conformance ??= fetch(`${inject('cmsUrl')}/api/docs/openapi.json`, { signal: AbortSignal.timeout(15_000) })
    .then(async (response) => (response.ok ? createConformance(await response.json()) : null))
    .catch(() => null);
  const checker = await conformance;
  if (!checker) return;
  checked += 1;
  for (const problem of checker.check(exchange)) mismatches.add(problem);
}

afterAll(() => {
  if (mismatches.size > 0)
    throw new Error(
      `Answers that do not match the OpenAPI document (GET /api/docs/openapi.json):\n${[...mismatches].join('\n')}`,
    );
});

/** Logs the seeded admin in, from an address of its own (Strapi limits logins per email and IP). */
export async function adminToken(): Promise<string> {
  const response = await api('/admin/login', {
    method: 'POST',
    ip: clientIp(),
    json: { email: inject('adminEmail'), password: inject('adminPassword') },
  });
  if (response.status !== 200)
    throw new Error(`admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token;
}
