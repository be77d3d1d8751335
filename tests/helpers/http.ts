import { inject } from 'vitest';

let nextAddress = 1;

/** A distinct client address per caller, sent as X-Forwarded-For (the test CMS trusts the proxy). */
export function clientIp(): string {
  const n = nextAddress++;
  return `198.51.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

export async function api(path: string, init: RequestInit & { ip?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.ip) headers.set('X-Forwarded-For', init.ip);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const response = await fetch(`${inject('cmsUrl')}${path}`, { ...init, headers, body, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  let data: any = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  return { status: response.status, headers: response.headers, body: data };
}

export async function adminToken(): Promise<string> {
  const response = await api('/admin/login', {
    method: 'POST',
    json: { email: inject('adminEmail'), password: inject('adminPassword') },
  });
  if (response.status !== 200) throw new Error(`admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token;
}
