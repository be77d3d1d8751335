/**
 * A local stand-in for the site's build hook (a CI webhook, Netlify/Vercel build hook): it
 * records every POST with its raw body and headers, and can be told to fail the next N calls
 * (status 5xx/4xx) so tests see the CMS retry. Tests steer it through /__fake/*.
 */
import { listen, sendJson } from './http';

export interface ReceivedRebuild {
  receivedAt: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  answered: number;
}

export async function startFakeRebuildReceiver() {
  let received: ReceivedRebuild[] = [];
  let failures: Array<{ status: number; times: number }> = [];

  const server = await listen((req, raw, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/__fake/received' && req.method === 'GET') return sendJson(res, 200, { received });
    if (url.pathname === '/__fake/reset' && req.method === 'POST') {
      received = [];
      failures = [];
      return sendJson(res, 200, { ok: true });
    }
    if (url.pathname === '/__fake/fail' && req.method === 'POST') {
      const plan = JSON.parse(raw || '{}');
      failures.push({ status: plan.status ?? 503, times: plan.times ?? 1 });
      return sendJson(res, 200, { ok: true });
    }
    if (url.pathname !== '/rebuild' || req.method !== 'POST') return sendJson(res, 404, { error: 'not found' });

    let status = 202;
    const planned = failures[0];
    if (planned) {
      planned.times -= 1;
      if (planned.times <= 0) failures.shift();
      status = planned.status;
    }
    received.push({ receivedAt: new Date().toISOString(), headers: req.headers, rawBody: raw, answered: status });
    return sendJson(res, status, status < 300 ? { accepted: true } : { error: 'build system unavailable' });
  });

  return { url: server.url, hookUrl: `${server.url}/rebuild`, close: server.close };
}
