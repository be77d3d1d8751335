import { describe, expect, it } from 'vitest';
import {
  compactParams,
  initialQueryState,
  nextQueryState,
  queryView,
  runQuery,
  type GetJson,
  type QueryEvent,
  type QueryParams,
  type QueryState,
} from './queryState';

type Row = { id: number };

/** A fake `get` whose requests the test settles by hand, in any order. */
const fakeGet = () => {
  const calls: Array<{
    path: string;
    options?: { params?: QueryParams };
    resolve: (data: unknown) => void;
    reject: (error: unknown) => void;
  }> = [];
  const request = (path: string, options?: { params?: QueryParams }) =>
    new Promise<{ data: unknown }>((resolve, reject) => {
      calls.push({ path, options, resolve: (data) => resolve({ data }), reject });
    });
  const get = request as unknown as GetJson;
  return { get, calls };
};

/** Runs queries against a state the way the hook does (setState with nextQueryState). */
const harness = (path: string) => {
  let state: QueryState<Row[]> = initialQueryState(path);
  const events: Array<QueryEvent<Row[]>['type']> = [];
  const report = (event: QueryEvent<Row[]>) => {
    events.push(event.type);
    state = nextQueryState(state, event);
  };
  return { report, events, state: () => state };
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('runQuery with nextQueryState', () => {
  it('loads, then holds the data', async () => {
    const { get, calls } = fakeGet();
    const query = harness('/leads/contacts');
    runQuery(get, '/leads/contacts', {}, query.report);
    expect(queryView(query.state(), '/leads/contacts')).toEqual({ data: undefined, error: undefined, isLoading: true });

    calls[0].resolve([{ id: 1 }]);
    await flush();
    expect(query.events).toEqual(['start', 'success']);
    expect(queryView(query.state(), '/leads/contacts')).toEqual({
      data: [{ id: 1 }],
      error: undefined,
      isLoading: false,
    });
  });

  it('sends only non-empty parameters, and no options without any', () => {
    const { get, calls } = fakeGet();
    const query = harness('/leads/contacts');
    runQuery(get, '/leads/contacts', { q: '', status: undefined, page: 2 }, query.report);
    runQuery(get, '/leads/contacts', { q: '' }, query.report);
    expect(calls[0].options).toEqual({ params: { page: 2 } });
    expect(calls[1].options).toBeUndefined();
  });

  it('keeps the last data while the same path reloads, and next to the error of a failed reload', async () => {
    const { get, calls } = fakeGet();
    const query = harness('/odoo-sync/status');
    runQuery(get, '/odoo-sync/status', {}, query.report);
    calls[0].resolve([{ id: 1 }]);
    await flush();

    runQuery(get, '/odoo-sync/status', {}, query.report);
    expect(queryView(query.state(), '/odoo-sync/status')).toMatchObject({ data: [{ id: 1 }], isLoading: true });

    const lost = new Error('network');
    calls[1].reject(lost);
    await flush();
    expect(queryView(query.state(), '/odoo-sync/status')).toEqual({ data: [{ id: 1 }], error: lost, isLoading: false });

    runQuery(get, '/odoo-sync/status', {}, query.report);
    calls[2].resolve([{ id: 2 }]);
    await flush();
    expect(queryView(query.state(), '/odoo-sync/status')).toEqual({
      data: [{ id: 2 }],
      error: undefined,
      isLoading: false,
    });
  });

  it('starts another path empty, and hides the old path before its request starts', async () => {
    const { get, calls } = fakeGet();
    const query = harness('/leads/contacts/a');
    runQuery(get, '/leads/contacts/a', {}, query.report);
    calls[0].resolve([{ id: 1 }]);
    await flush();

    expect(queryView(query.state(), '/leads/contacts/b')).toEqual({ isLoading: true });
    runQuery(get, '/leads/contacts/b', {}, query.report);
    expect(query.state()).toEqual({ path: '/leads/contacts/b', isLoading: true });

    calls[1].reject(new Error('404'));
    await flush();
    expect(queryView(query.state(), '/leads/contacts/b')).toMatchObject({ data: undefined, isLoading: false });
  });

  it('ignores the answer of a cancelled request, even when it arrives after the newer one', async () => {
    const { get, calls } = fakeGet();
    const query = harness('/leads/contacts');
    const cancelFirst = runQuery(get, '/leads/contacts', { page: 1 }, query.report);
    cancelFirst();
    runQuery(get, '/leads/contacts', { page: 2 }, query.report);

    calls[1].resolve([{ id: 2 }]);
    await flush();
    calls[0].resolve([{ id: 1 }]);
    calls[0].reject(new Error('late'));
    await flush();

    expect(query.events).toEqual(['start', 'start', 'success']);
    expect(query.state().data).toEqual([{ id: 2 }]);
  });
});

describe('compactParams', () => {
  it('drops undefined and empty values and keeps 0', () => {
    expect(compactParams({ q: '', status: undefined, page: 0, source: 'ads' })).toEqual({ page: 0, source: 'ads' });
    expect(compactParams()).toEqual({});
  });
});
