import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { api, clientIp } from '../helpers/http';
import { submission, uniqueEmail } from '../helpers/leads';
import { eventually } from '../helpers/wait';
import { fakeSendGrid } from '../fakes/sendgrid-client';

const submit = (body: unknown, ip = clientIp(), headers: Record<string, string> = {}) =>
  api('/api/leads/submissions', { method: 'POST', ip, json: body, headers });

const metrics = async (token = inject('metricsToken')) => {
  const response = await fetch(`${inject('cmsUrl')}/metrics`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

/** The value of one series in Prometheus text format, e.g. series(text, 'magnetiq_emails_total', { outcome: 'sent' }). */
function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`));
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

const logLines = () =>
  fs
    .readFileSync(inject('strapiLogFile'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, any>;
      } catch {
        return null;
      }
    })
    .filter((line): line is Record<string, any> => line !== null);

describe('request ids', () => {
  it('returns the caller’s X-Request-Id and writes it into the JSON access log line', async () => {
    const requestId = `test-${Date.now()}-abc`;
    const response = await api('/api/pages?locale=en', { headers: { 'X-Request-Id': requestId } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const line = await eventually(
      async () => logLines().find((entry) => entry.requestId === requestId && entry.type === 'access'),
      { what: 'the access log line' },
    );
    expect(line).toMatchObject({ level: 'http', method: 'GET', route: '/api/pages', status: 200, requestId });
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.timestamp).toBe('string');
  });

  it('generates a UUID when the header is missing or not a plain token', async () => {
    const missing = await api('/_health');
    expect(missing.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await api('/_health', { headers: { 'X-Request-Id': 'a b"<script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('logs keep personal data and link tokens out', () => {
  it('never writes a visitor’s email address or a confirmation token in clear', async () => {
    const email = uniqueEmail('privacy');
    const response = await submit(
      submission({ email, consent: { dataProcessing: true, marketingEmail: true, textVersion: 'contact-2026-11' } }),
    );
    expect(response.status).toBe(201);
    const sent = await eventually(
      async () => (await fakeSendGrid.to(email)).find((message) => message.body.subject?.includes('confirm')),
      { what: 'the confirmation email' },
    );
    // the email links to the site's page; its button POSTs the token to the CMS, whose GET on the link only redirects
    const plain = sent.body.content.find((part: any) => part.type === 'text/plain').value as string;
    const link = /https?:\/\/\S+\/confirm-subscription\/\?token=\S+/.exec(plain)![0];
    const token = new URL(link).searchParams.get('token')!;
    const opened = await fetch(`${inject('cmsUrl')}/api/leads/confirm?token=${encodeURIComponent(token)}`, {
      redirect: 'manual',
    });
    expect(opened.status).toBeLessThan(400);
    const confirmed = await api('/api/leads/confirm', { method: 'POST', json: { token }, ip: clientIp() });
    expect(confirmed.status).toBe(200);

    const log = fs.readFileSync(inject('strapiLogFile'), 'utf8');
    expect(log).not.toContain(email);
    expect(log).not.toContain(token);
    // the access line of the confirmation names the route template, not the URL with its token
    expect(logLines().some((entry) => entry.type === 'access' && entry.route === '/api/leads/confirm')).toBe(true);
  });
});

describe('readiness', () => {
  it('answers 200 with the database, the outbox backlog and each integration’s state, and no secrets', async () => {
    const response = await api('/_ready');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({
      status: 'ready',
      checks: {
        database: { status: 'ok', latencyMs: expect.any(Number) },
        outbox: {
          pending: expect.any(Number),
          processing: expect.any(Number),
          dead: expect.any(Number),
          oldestDueSeconds: expect.any(Number),
        },
      },
      integrations: {
        sendgrid: { configured: true, transport: 'sendgrid' },
        odoo: { configured: true, state: expect.stringMatching(/^(ok|recovering|unreachable)$/) },
        rateLimits: { kind: 'redis' },
        google: { configured: true, state: expect.any(String) },
      },
    });
    const text = JSON.stringify(response.body);
    for (const secret of Object.values(inject('cmsSecrets'))) expect(text).not.toContain(secret);
    expect(text).not.toContain('SG.test-key');
    expect(text).not.toContain(inject('odooUrl'));
  });
});

describe('metrics', () => {
  it('refuses a scrape without the token or with a wrong one', async () => {
    expect((await metrics('')).status).toBe(401);
    const wrong = await metrics('not-the-token');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('exposes request durations by route template and status, outbox, email and Odoo series', async () => {
    await api('/api/pages?locale=en');
    await api('/api/whitepapers/download/not-a-token');
    const email = uniqueEmail('metrics');
    expect((await submit(submission({ email }))).status).toBe(201);
    await eventually(async () => (await fakeSendGrid.to(email)).length > 0, { what: 'the receipt email' });

    const scrape = await eventually(
      async () => {
        const result = await metrics();
        return (series(result.text, 'magnetiq_outbox_deliveries_total', {
          topic: 'odoo.upsert-lead',
          outcome: 'done',
        }) ?? 0) > 0
          ? result
          : null;
      },
      { what: 'an Odoo delivery in the metrics' },
    );
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    const text = scrape.text;
    expect(
      series(text, 'magnetiq_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/pages',
        status: '200',
      }),
    ).toBeGreaterThan(0);
    // the token path parameter stays a template: one series, whatever the token
    expect(text).toContain('route="/api/whitepapers/download/:token"');
    expect(text).not.toContain('not-a-token');
    expect(
      series(text, 'magnetiq_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/leads/submissions',
        status: '201',
      }),
    ).toBeGreaterThan(0);
    expect(series(text, 'magnetiq_emails_total', { transport: 'sendgrid', outcome: 'sent' })).toBeGreaterThan(0);
    expect(series(text, 'magnetiq_outbox_delivery_latency_seconds_count', { topic: 'email.send' })).toBeGreaterThan(0);
    expect(
      series(text, 'magnetiq_external_call_duration_seconds_count', { service: 'odoo', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(
      series(text, 'magnetiq_external_call_duration_seconds_count', {
        service: 'sendgrid',
        operation: 'mail.send',
        outcome: 'ok',
      }),
    ).toBeGreaterThan(0);
    expect(text).toMatch(/magnetiq_outbox_oldest_pending_seconds \d/);
    expect(text).toContain('magnetiq_process_');
  });

  it('counts rate-limit rejections by form and key', async () => {
    const ip = clientIp();
    let rejected = 0;
    for (let i = 0; i < 12; i++) {
      const response = await submit(submission(), ip);
      if (response.status === 429) rejected++;
    }
    expect(rejected).toBeGreaterThan(0);
    const { text } = await metrics();
    expect(
      series(text, 'magnetiq_rate_limit_rejections_total', { form: 'contact-form', key: 'ip' }),
    ).toBeGreaterThanOrEqual(rejected);
  });
});

describe('admin login throttling', () => {
  it('limits login tries per client IP even when every try names another email', async () => {
    const ip = clientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await api('/admin/login', {
        method: 'POST',
        ip,
        json: { email: uniqueEmail('guess'), password: 'wrong-Passw0rd' },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const last = await api('/admin/login', {
      method: 'POST',
      ip,
      json: { email: inject('adminEmail'), password: inject('adminPassword') },
    });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    // another address can still log in
    const other = await api('/admin/login', {
      method: 'POST',
      ip: clientIp(),
      json: { email: inject('adminEmail'), password: inject('adminPassword') },
    });
    expect(other.status).toBe(200);
  });
});
