import { describe, expect, it } from 'vitest';
import { previewRead } from './preview-read';
import { apiTokenOnly } from './routes';
import type { RequestContext } from './http';

const DOCUMENT = 'abcdefghij0123456789abcd';

describe('apiTokenOnly', () => {
  it.each([
    ['content-api-token', true],
    ['api-token', true],
    ['users-permissions', false],
    ['admin', false],
    [undefined, false],
  ])('strategy %s → through: %s', async (name, through) => {
    let reached = false;
    const run = apiTokenOnly({ state: { auth: name ? { strategy: { name } } : undefined } }, async () => {
      reached = true;
    });
    if (through) await run;
    else await expect(run).rejects.toMatchObject({ name: 'PolicyError' });
    expect(reached).toBe(through);
  });
});

describe('previewRead', () => {
  const context = (params: Record<string, string>, query: Record<string, string>) => {
    const headers: Record<string, string> = {};
    return {
      ctx: {
        params,
        query,
        set: (field: string, value: string) => void (headers[field] = value),
      } as unknown as RequestContext & {
        body?: unknown;
      },
      headers,
    };
  };
  const calls: string[] = [];
  const handler = previewRead({
    notFound: 'Thing not found',
    resolveLocale: async (value) => (value === undefined ? 'en' : String(value)),
    read: async (documentId, locale, status) => {
      calls.push(`${documentId} ${locale} ${status}`);
      return documentId === DOCUMENT ? { documentId, locale, status } : null;
    },
  });

  it('reads the draft by default, in the locale asked for, never cached', async () => {
    const { ctx, headers } = context({ documentId: DOCUMENT }, { locale: 'de' });
    await handler(ctx);
    expect(ctx.body).toEqual({ data: { documentId: DOCUMENT, locale: 'de', status: 'draft' }, meta: {} });
    expect(headers['Cache-Control']).toBe('no-store');
  });

  it('refuses another status (400) and answers 404 for a malformed or unknown id, reading nothing for those', async () => {
    calls.length = 0;
    await expect(handler(context({ documentId: DOCUMENT }, { status: 'modified' }).ctx)).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await expect(handler(context({ documentId: '../etc' }, {}).ctx)).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(calls).toEqual([]);
    await expect(
      handler(context({ documentId: 'zzzzzzzzzzzzzzzzzzzzzzzz' }, { status: 'published' }).ctx),
    ).rejects.toMatchObject({ name: 'NotFoundError', message: 'Thing not found' });
    expect(calls).toEqual(['zzzzzzzzzzzzzzzzzzzzzzzz en published']);
  });
});
