import { describe, expect, it } from 'vitest';
import {
  afterFetch,
  fullSyncReason,
  parseSyncState,
  planLocale,
  type StoredVersion,
  type SyncState,
} from './sync-plan';

const stored = (entries: Record<string, StoredVersion>) => new Map(Object.entries(entries));
const BUILT = '2026-12-01T10:00:00.000Z';
const EDITED = '2026-12-07T09:00:00.000Z';
/** A listed entry: document `doc-<name>` under slug `<name>` unless another is given. */
const listed = (name: string, updatedAt = BUILT, slug = name) => ({ documentId: `doc-${name}`, slug, updatedAt });

describe('planLocale', () => {
  const kept = stored({
    'en/a': { documentId: 'doc-a', updatedAt: BUILT },
    'en/b': { documentId: 'doc-b', updatedAt: BUILT },
    'en/c': { documentId: 'doc-c', updatedAt: BUILT },
  });

  it.each([
    {
      name: 'nothing changed: nothing fetched, nothing removed',
      listing: [listed('a'), listed('b'), listed('c')],
      fetch: [],
      remove: [],
      unchanged: 3,
    },
    {
      name: 'an edited entry is fetched again',
      listing: [listed('a', EDITED), listed('b'), listed('c')],
      fetch: ['doc-a'],
      remove: [],
      unchanged: 2,
    },
    {
      name: 'an edit with an older updatedAt than the last build (a late commit) is still seen',
      listing: [listed('a', '2026-11-30T10:00:00.000Z'), listed('b'), listed('c')],
      fetch: ['doc-a'],
      remove: [],
      unchanged: 2,
    },
    {
      name: 'an unpublished or deleted entry is removed',
      listing: [listed('a'), listed('c')],
      fetch: [],
      remove: ['en/b'],
      unchanged: 2,
    },
    {
      name: 'a renamed entry is fetched under its new id and removed under the old one',
      listing: [listed('a', EDITED, 'a-new'), listed('b'), listed('c')],
      fetch: ['doc-a'],
      remove: ['en/a'],
      unchanged: 2,
    },
    {
      name: 'another document under a kept slug (another CMS, or deleted and created again) is fetched',
      listing: [listed('x', BUILT, 'a'), listed('b'), listed('c')],
      fetch: ['doc-x'],
      remove: [],
      unchanged: 2,
    },
    {
      name: 'a new entry is fetched',
      listing: [listed('a'), listed('b'), listed('c'), listed('d')],
      fetch: ['doc-d'],
      remove: [],
      unchanged: 3,
    },
    {
      name: 'an empty listing removes everything',
      listing: [],
      fetch: [],
      remove: ['en/a', 'en/b', 'en/c'],
      unchanged: 0,
    },
  ])('$name', ({ listing, fetch, remove, unchanged }) => {
    expect(planLocale('en', listing, kept)).toEqual({ fetch, remove, unchanged });
  });

  it('names an entry without a slug by its document id', () => {
    const plan = planLocale(
      'de',
      [{ documentId: 'doc-z', updatedAt: 't' }],
      stored({ 'de/doc-z': { documentId: 'doc-z', updatedAt: 't' } }),
    );
    expect(plan).toEqual({ fetch: [], remove: [], unchanged: 1 });
  });
});

describe('afterFetch', () => {
  const kept = stored({
    'en/a': { documentId: 'doc-a', updatedAt: BUILT },
    'en/b': { documentId: 'doc-b', updatedAt: BUILT },
  });

  it('deletes the removed ids and keeps what the fetch returned', () => {
    const plan = planLocale('en', [listed('a', EDITED)], kept);
    expect(afterFetch('en', plan, kept, [{ documentId: 'doc-a', slug: 'a' }])).toEqual(['en/b']);
  });

  it('deletes a planned entry the fetch did not return (unpublished after the listing)', () => {
    const plan = planLocale('en', [listed('a', EDITED), listed('b')], kept);
    expect(afterFetch('en', plan, kept, [])).toEqual(['en/a']);
  });

  it('keeps an id the fetch filled again (renamed back between the listing and the fetch)', () => {
    const plan = planLocale('en', [listed('a', EDITED, 'a-new'), listed('b')], kept);
    expect(plan.remove).toEqual(['en/a']);
    expect(afterFetch('en', plan, kept, [{ documentId: 'doc-a', slug: 'a' }])).toEqual([]);
  });
});

describe('fullSyncReason', () => {
  const previous: SyncState = {
    cmsUrl: 'http://cms',
    queryDigest: 'q1',
    related: { en: 'authors:3:t1|categories:2:t2' },
    fullSyncAt: '2026-12-07T10:00:00.000Z',
  };
  const base = {
    previous,
    cmsUrl: 'http://cms',
    queryDigest: 'q1',
    locale: 'en',
    relatedFingerprint: 'authors:3:t1|categories:2:t2',
    now: new Date('2026-12-07T12:00:00.000Z'),
    maxAgeMs: 24 * 3_600_000,
    forced: false,
  };

  it('allows an incremental sync when nothing but the entries may have changed', () => {
    expect(fullSyncReason(base)).toBeNull();
  });

  it.each([
    ['no previous state', { previous: null }, /no previous sync/],
    ['another CMS', { cmsUrl: 'http://other' }, /another CMS/],
    ['another query', { queryDigest: 'q2' }, /query changed/],
    ['a locale the store has not seen', { locale: 'de' }, /locale new/],
    ['an author edited', { relatedFingerprint: 'authors:3:t9|categories:2:t2' }, /related entry/],
    ['a category deleted', { relatedFingerprint: 'authors:3:t1|categories:1:t2' }, /related entry/],
    ['a day since the last full sync', { now: new Date('2026-12-08T10:00:00.000Z') }, /too old/],
    ['asked for', { forced: true }, /SITE_FULL_SYNC/],
  ])('fetches everything on %s', (_name, change, reason) => {
    expect(fullSyncReason({ ...base, ...change })).toMatch(reason);
  });
});

describe('parseSyncState', () => {
  it('reads what the loader wrote and refuses anything else', () => {
    const state: SyncState = { cmsUrl: 'u', queryDigest: 'q', related: {}, fullSyncAt: 't' };
    expect(parseSyncState(JSON.stringify(state))).toEqual(state);
    expect(parseSyncState(undefined)).toBeNull();
    expect(parseSyncState('not json')).toBeNull();
    expect(parseSyncState(JSON.stringify({ cmsUrl: 'u' }))).toBeNull();
  });
});
