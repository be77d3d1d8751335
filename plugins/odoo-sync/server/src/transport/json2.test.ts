import { describe, expect, it } from 'vitest';
import { classifyOdooError, OdooHttpError } from '../domain/faults';
import { json2Transport } from './json2';

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records requests and answers from a list (status, JSON body, headers). */
function recordingFetch(answers: Array<{ status?: number; body: unknown; headers?: Record<string, string> }>) {
  const sent: Sent[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({
      url: String(input),
      headers: init?.headers as Record<string, string>,
      body: JSON.parse(String(init?.body)),
    });
    const answer = answers.shift() ?? { body: null };
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(text, {
      status: answer.status ?? 200,
      headers: { 'Content-Type': 'application/json', ...answer.headers },
    });
  }) as typeof fetch;
  return { sent, fetchImpl };
}

const options = { url: 'https://acme.odoo.com/', db: 'acme', username: '', apiKey: 'secret-key', timeoutMs: 1000 };

describe('JSON-2 transport', () => {
  it('posts named parameters to /json/2/<model>/<method> with the API key as bearer token', async () => {
    const { sent, fetchImpl } = recordingFetch([
      { body: [7] },
      { body: [{ id: 7, name: 'Ada' }] },
      { body: [42] },
      { body: true },
      { body: true },
      { body: [1, 2] },
    ]);
    const odoo = json2Transport(options, fetchImpl);
    expect(await odoo.search('res.partner', [['email', '=ilike', 'ada@example.com']], { limit: 1 })).toEqual([7]);
    expect(await odoo.searchRead('res.partner', [['id', '=', 7]], ['name'], { limit: 1, order: 'id asc' })).toEqual([
      { id: 7, name: 'Ada' },
    ]);
    expect(await odoo.create('crm.lead', { name: 'Lead' })).toBe(42);
    expect(await odoo.write('crm.lead', [42], { name: 'Lead 2' })).toBe(true);
    expect(await odoo.unlink('crm.lead', [42])).toBe(true);
    await odoo.read('res.users', [1, 2], ['name']);
    expect(sent.map((request) => [request.url, request.body])).toEqual([
      [
        'https://acme.odoo.com/json/2/res.partner/search',
        { domain: [['email', '=ilike', 'ada@example.com']], limit: 1 },
      ],
      [
        'https://acme.odoo.com/json/2/res.partner/search_read',
        { domain: [['id', '=', 7]], fields: ['name'], limit: 1, order: 'id asc' },
      ],
      ['https://acme.odoo.com/json/2/crm.lead/create', { vals_list: [{ name: 'Lead' }] }],
      ['https://acme.odoo.com/json/2/crm.lead/write', { ids: [42], vals: { name: 'Lead 2' } }],
      ['https://acme.odoo.com/json/2/crm.lead/unlink', { ids: [42] }],
      ['https://acme.odoo.com/json/2/res.users/read', { ids: [1, 2], fields: ['name'] }],
    ]);
    expect(sent[0].headers).toMatchObject({
      Authorization: 'bearer secret-key',
      'X-Odoo-Database': 'acme',
      'Content-Type': expect.stringContaining('application/json'),
    });
  });

  it('sends no X-Odoo-Database when no database is configured', async () => {
    const { sent, fetchImpl } = recordingFetch([{ body: [] }]);
    await json2Transport({ ...options, db: '' }, fetchImpl).search('crm.tag', []);
    expect(sent[0].headers).not.toHaveProperty('X-Odoo-Database');
  });

  it('finds the user of the API key', async () => {
    const { sent, fetchImpl } = recordingFetch([
      { body: { lang: 'en_US', tz: 'Europe/Berlin', uid: 2 } },
      { body: [{ id: 2, name: 'Magnetiq Integration', login: 'bot@acme.com' }] },
    ]);
    expect(await json2Transport(options, fetchImpl).identity()).toEqual({
      uid: 2,
      name: 'Magnetiq Integration',
      login: 'bot@acme.com',
    });
    expect(sent.map((request) => request.url)).toEqual([
      'https://acme.odoo.com/json/2/res.users/context_get',
      'https://acme.odoo.com/json/2/res.users/read',
    ]);
  });

  it("throws Odoo's error object with the status and Retry-After, which classify into our delivery classes", async () => {
    const error = (status: number, name: string, message: string, headers?: Record<string, string>) => ({
      status,
      body: { name, message, arguments: [message], context: {}, debug: 'Traceback …' },
      headers,
    });
    const { fetchImpl } = recordingFetch([
      error(401, 'werkzeug.exceptions.Unauthorized', 'Invalid apikey'),
      error(422, 'odoo.exceptions.ValidationError', 'Invalid email'),
      error(429, 'werkzeug.exceptions.TooManyRequests', 'Too many requests', { 'Retry-After': '3' }),
      { status: 404, body: '<html>Not Found</html>' },
    ]);
    const odoo = json2Transport(options, fetchImpl);
    const failures = [];
    for (let index = 0; index < 4; index += 1) {
      const thrown = await odoo.search('crm.lead', []).catch((caught: unknown) => caught);
      expect(thrown).toBeInstanceOf(OdooHttpError);
      failures.push(classifyOdooError(thrown));
    }
    expect(failures.map((failure) => failure.kind)).toEqual([
      'credentials',
      'permanent',
      'rate-limited',
      'unavailable',
    ]);
    expect(failures[2]).toMatchObject({ retryAfterMs: 3000 });
  });
});
