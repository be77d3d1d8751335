import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { cmsGet, fetchAll, toQueryString } from './strapi';

const servers: http.Server[] = [];
afterEach(() => {
  delete process.env.CMS_URL;
  delete process.env.CMS_API_TOKEN;
  servers.splice(0).forEach((server) => server.close());
});

async function fakeCms(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('the CMS loader', () => {
  it('keeps Strapi bracket syntax readable and encodes values', () => {
    expect(toQueryString({ 'populate[seo][populate]': '*', 'filters[slug][$eq]': 'a b' })).toBe(
      'populate[seo][populate]=*&filters[slug][%24eq]=a%20b',
    );
  });

  it('stops the build with a message naming CMS_URL when the CMS is unreachable', async () => {
    const url = await fakeCms(() => undefined);
    servers.splice(0).forEach((server) => server.close());
    process.env.CMS_URL = url;
    await expect(cmsGet('/api/pages')).rejects.toThrow(/CMS_URL=http:\/\/127\.0\.0\.1:\d+/);
  });

  it('sends the read-only token and asks for published entries on every page of a collection', async () => {
    const seen: Array<{ url: string; authorization?: string }> = [];
    process.env.CMS_URL = await fakeCms((request, response) => {
      seen.push({ url: request.url!, authorization: request.headers.authorization });
      const page = Number(new URL(request.url!, 'http://x').searchParams.get('pagination[page]'));
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ data: [{ slug: `entry-${page}` }], meta: { pagination: { page, pageCount: 2 } } }));
    });
    process.env.CMS_API_TOKEN = 'read-only';
    const entries = await fetchAll('articles', 'de', {});
    expect(entries.map((entry) => entry.slug)).toEqual(['entry-1', 'entry-2']);
    expect(
      seen.every(
        (request) =>
          request.authorization === 'Bearer read-only' &&
          request.url.includes('status=published') &&
          request.url.includes('locale=de'),
      ),
    ).toBe(true);
  });
});
