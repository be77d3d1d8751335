/// <reference types="vite/client" />
/**
 * The site's incremental CMS loader (site/src/loaders/strapi.ts, ADR 0025 addendum "Site build")
 * against the real CMS: a second build with the store of the first fetches only what changed,
 * shows an edited article, and drops an article that was unpublished and one that was deleted.
 * The loader runs with an in-memory store shaped like Astro's (the bench builds the real site).
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { DataStore, MetaStore } from 'astro/loaders';
import { strapiCollection } from '../../site/src/loaders/strapi';
import { contentManager, superAdminToken, uniqueSlug } from '../helpers/content';

const ARTICLE = 'api::article.article';

type Entry = { id: string; data: Record<string, unknown>; digest?: string };

/** The parts of Astro's scoped data store and meta store the loader uses, kept between "builds". */
function memoryStore() {
  const entries = new Map<string, Entry>();
  const meta = new Map<string, string>();
  const written: string[] = [];
  const store = {
    get: (key: string) => entries.get(key),
    entries: () => [...entries.entries()],
    set: (entry: Entry) => {
      written.push(entry.id);
      entries.set(entry.id, entry);
      return true;
    },
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    delete: (key: string) => void entries.delete(key),
    clear: () => entries.clear(),
    has: (key: string) => entries.has(key),
    addModuleImport: () => undefined,
  } as unknown as DataStore;
  const metaStore: MetaStore = {
    get: (key) => meta.get(key),
    set: (key, value) => void meta.set(key, value),
    has: (key) => meta.has(key),
    delete: (key) => void meta.delete(key),
  };
  return { store, meta: metaStore, entries, written };
}

const loader = strapiCollection({
  resource: 'articles',
  query: { 'populate[author]': true, 'populate[category]': true },
  incremental: { related: ['authors', 'categories'] },
});

async function runLoader(state: ReturnType<typeof memoryStore>) {
  state.written.length = 0;
  const lines: string[] = [];
  await loader.load({
    collection: 'articles',
    store: state.store,
    meta: state.meta,
    logger: { info: (line: string) => lines.push(line), warn: () => undefined } as never,
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (data: unknown) => JSON.stringify(data),
  } as never);
  return lines;
}

let token: string;
const created: string[] = [];
let previousCmsUrl: string | undefined;

beforeAll(async () => {
  previousCmsUrl = process.env.CMS_URL;
  process.env.CMS_URL = inject('cmsUrl');
  token = await superAdminToken();
});

afterAll(async () => {
  const cm = contentManager(token);
  for (const documentId of created) await cm.remove(ARTICLE, documentId);
  if (previousCmsUrl === undefined) delete process.env.CMS_URL;
  else process.env.CMS_URL = previousCmsUrl;
});

async function publishedArticle(title: string) {
  const cm = contentManager(token);
  const slug = uniqueSlug('loader');
  const answer = await cm.create(ARTICLE, { title, slug, excerpt: 'For the loader test.' });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const documentId = answer.body.data.documentId as string;
  created.push(documentId);
  expect((await cm.publish(ARTICLE, documentId)).status).toBe(200);
  return { documentId, id: `en/${slug}` };
}

describe('the incremental articles loader', () => {
  it('fetches only what changed, shows an edit and drops unpublished and deleted articles', async () => {
    const cm = contentManager(token);
    const kept = await publishedArticle('Loader kept');
    const edited = await publishedArticle('Loader before the edit');
    const unpublished = await publishedArticle('Loader unpublished');
    const deleted = await publishedArticle('Loader deleted');

    const state = memoryStore();
    const first = await runLoader(state);
    expect(first.some((line) => /articles \(en\): fetched all \(no previous sync/.test(line))).toBe(true);
    for (const article of [kept, edited, unpublished, deleted]) expect(state.entries.has(article.id)).toBe(true);

    expect((await cm.update(ARTICLE, edited.documentId, { title: 'Loader after the edit' })).status).toBe(200);
    expect((await cm.publish(ARTICLE, edited.documentId)).status).toBe(200);
    expect((await cm.unpublish(ARTICLE, unpublished.documentId)).status).toBe(200);
    expect((await cm.remove(ARTICLE, deleted.documentId)).status).toBe(200);

    const second = await runLoader(state);
    expect(second.some((line) => /articles \(en\): \d+ fetched, \d+ removed, \d+ unchanged/.test(line))).toBe(true);
    expect(state.entries.get(edited.id)?.data.title).toBe('Loader after the edit');
    expect(state.entries.has(unpublished.id)).toBe(false);
    expect(state.entries.has(deleted.id)).toBe(false);
    expect(state.entries.has(kept.id)).toBe(true);
    // only the edited one was fetched again among ours: the unchanged one came from the store
    expect(state.written).toContain(edited.id);
    expect(state.written).not.toContain(kept.id);
  });

  it('fetches every article again when a related author changed (its name is embedded in the articles)', async () => {
    const cm = contentManager(token);
    const article = await publishedArticle('Loader with an author');
    const state = memoryStore();
    await runLoader(state);

    const authors = await fetch(`${inject('cmsUrl')}/api/authors?locale=en&pagination[pageSize]=1`).then(
      (response) => response.json() as Promise<{ data: Array<{ documentId: string; name: string }> }>,
    );
    const author = authors.data[0];
    expect(author, 'the demo content has an author').toBeTruthy();
    const renamed = await cm.update('api::author.author', author.documentId, { name: `${author.name}` });
    expect(renamed.status).toBe(200);
    expect((await cm.publish('api::author.author', author.documentId)).status).toBe(200);

    const lines = await runLoader(state);
    expect(lines.some((line) => /articles \(en\): fetched all \(a related entry/.test(line))).toBe(true);
    expect(state.written).toContain(article.id);
  });
});
