import crypto from 'node:crypto';
import { inject } from 'vitest';

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
  const response = await fetch(`${init.baseUrl ?? inject('cmsUrl')}${path}`, { ...init, headers, body, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  let data: any = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  return { status: response.status, headers: response.headers, body: data };
}

/** Logs the seeded admin in, from an address of its own (Strapi limits logins per email and IP). */
export async function adminToken(): Promise<string> {
  const response = await api('/admin/login', {
    method: 'POST',
    ip: clientIp(),
    json: { email: inject('adminEmail'), password: inject('adminPassword') },
  });
  if (response.status !== 200) throw new Error(`admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token;
}
