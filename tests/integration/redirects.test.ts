/**
 * Redirects in the real CMS (cms/src/content/redirects.ts): a published slug that changes records
 * old path → new path per locale; chains collapse onto the final target; a slug changed back is
 * live again; editors add and remove redirects in the Content Manager, and a loop is a 400.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/http';
import { auth, contentManager, superAdminToken, uniqueSlug } from '../helpers/content';
import { createAdminUser } from '../helpers/admin-users';

const PAGE = 'api::page.page';
const ARTICLE = 'api::article.article';
const REDIRECT = 'api::redirect.redirect';

/** The public list the site's build reads, for the given old paths. */
async function redirectsFrom(...froms: string[]) {
  const query = froms.map((from, index) => `filters[from][$in][${index}]=${encodeURIComponent(from)}`).join('&');
  const response = await api(`/api/redirects?${query}&fields[0]=from&fields[1]=to&fields[2]=reason`);
  expect(response.status).toBe(200);
  return Object.fromEntries(
    (response.body.data as Array<{ from: string; to: string }>).map(({ from, to }) => [from, to]),
  );
}

let admin: ReturnType<typeof contentManager>;
let editor: ReturnType<typeof contentManager>;
let editorToken: string;

beforeAll(async () => {
  admin = contentManager(await superAdminToken());
  editorToken = (await createAdminUser('Editor')).token;
  editor = contentManager(editorToken);
});

async function publishedPage(slug: string, locale = 'en', documentId?: string) {
  const data = { title: `Redirect test ${slug}`, slug };
  const saved = documentId
    ? await admin.update(PAGE, documentId, data, locale)
    : await admin.create(PAGE, data, locale);
  expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
  const id = saved.body.data.documentId as string;
  expect((await admin.publish(PAGE, id, locale)).status).toBe(200);
  return id;
}

async function renameAndPublish(uid: string, documentId: string, slug: string, locale = 'en') {
  const saved = await admin.update(uid, documentId, { slug }, locale);
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect((await admin.publish(uid, documentId, locale)).status).toBe(200);
}

describe('a published slug that changes', () => {
  it('records old → new per locale, collapses the chain, and drops the redirect of a path that is live again', async () => {
    const [a, b, c] = [uniqueSlug('red-a'), uniqueSlug('red-b'), uniqueSlug('red-c')];
    const id = await publishedPage(a);
    const deSlug = uniqueSlug('umleitung');
    await publishedPage(deSlug, 'de', id);

    // a draft edit alone changes no public URL
    expect((await admin.update(PAGE, id, { slug: b }, 'en')).status).toBe(200);
    expect(await redirectsFrom(`/en/${a}/`)).toEqual({});

    expect((await admin.publish(PAGE, id, 'en')).status).toBe(200);
    expect(await redirectsFrom(`/en/${a}/`, `/de/${a}/`, `/de/${deSlug}/`)).toEqual({ [`/en/${a}/`]: `/en/${b}/` });

    // a → b, then b → c: a goes straight to c
    await renameAndPublish(PAGE, id, c);
    expect(await redirectsFrom(`/en/${a}/`, `/en/${b}/`)).toEqual({
      [`/en/${a}/`]: `/en/${c}/`,
      [`/en/${b}/`]: `/en/${c}/`,
    });

    // back to a: a is live again, the others point at it
    await renameAndPublish(PAGE, id, a);
    expect(await redirectsFrom(`/en/${a}/`, `/en/${b}/`, `/en/${c}/`)).toEqual({
      [`/en/${b}/`]: `/en/${a}/`,
      [`/en/${c}/`]: `/en/${a}/`,
    });

    // the German page, renamed in German only
    const deNew = uniqueSlug('neu');
    await renameAndPublish(PAGE, id, deNew, 'de');
    expect(await redirectsFrom(`/de/${deSlug}/`)).toEqual({ [`/de/${deSlug}/`]: `/de/${deNew}/` });
  });

  it('records an article’s old insights path', async () => {
    const [old, fresh] = [uniqueSlug('red-art'), uniqueSlug('red-art-new')];
    const created = await admin.create(ARTICLE, { title: `Redirect article ${old}`, slug: old }, 'en');
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId as string;
    expect((await admin.publish(ARTICLE, id)).status).toBe(200);
    await renameAndPublish(ARTICLE, id, fresh);
    expect(await redirectsFrom(`/en/insights/${old}/`)).toEqual({ [`/en/insights/${old}/`]: `/en/insights/${fresh}/` });
  });

  it('records a whitepaper’s old path (plugin content too)', async () => {
    const [old, fresh] = [uniqueSlug('red-paper'), uniqueSlug('red-paper-new')];
    const created = await api('/whitepapers/papers', {
      method: 'POST',
      headers: auth(await superAdminToken()),
      json: { title: `Redirect paper ${old}`, slug: old, summary: 'Moves.', publish: true },
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    await renameAndPublish('plugin::whitepapers.whitepaper', created.body.data.documentId, fresh);
    expect(await redirectsFrom(`/en/whitepapers/${old}/`)).toEqual({
      [`/en/whitepapers/${old}/`]: `/en/whitepapers/${fresh}/`,
    });
  });
});

describe('redirects an editor makes', () => {
  it('adds one (path normalised, chain collapsed) and removes it', async () => {
    const [x, y, z] = [uniqueSlug('/en/ed-x'), uniqueSlug('/en/ed-y'), uniqueSlug('/en/ed-z')];
    const first = await editor.create(REDIRECT, { from: `${y}/`, to: `${z}/` });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // no trailing slash given: stored with it; x → y while y → z: stored as x → z
    const second = await editor.create(REDIRECT, { from: x, to: `${y}/` });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.data).toMatchObject({ from: `${x}/`, to: `${z}/`, reason: 'editor' });
    // z → w added: both follow
    const w = uniqueSlug('/en/ed-w');
    expect((await editor.create(REDIRECT, { from: `${z}/`, to: `${w}/` })).status).toBe(201);
    expect(await redirectsFrom(`${x}/`, `${y}/`, `${z}/`)).toEqual({
      [`${x}/`]: `${w}/`,
      [`${y}/`]: `${w}/`,
      [`${z}/`]: `${w}/`,
    });
    // y changed to v: what was stored for x stays (it was collapsed to its final target)
    const v = uniqueSlug('/en/ed-v');
    expect((await editor.update(REDIRECT, first.body.data.documentId, { to: `${v}/` })).status).toBe(200);
    expect(await redirectsFrom(`${x}/`, `${y}/`)).toEqual({ [`${x}/`]: `${w}/`, [`${y}/`]: `${v}/` });

    // not localized: no locale in the Content Manager's delete
    const removed = await api(`/content-manager/collection-types/${REDIRECT}/${second.body.data.documentId}`, {
      method: 'DELETE',
      headers: auth(editorToken),
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(await redirectsFrom(`${x}/`)).toEqual({});
  });

  it('refuses a loop, a redirect to itself, a duplicate source and a path that is not the site’s (400, nothing saved)', async () => {
    const [p, q, r] = [uniqueSlug('/en/loop-p'), uniqueSlug('/en/loop-q'), uniqueSlug('/en/loop-r')];
    expect((await editor.create(REDIRECT, { from: `${p}/`, to: `${q}/` })).status).toBe(201);
    expect((await editor.create(REDIRECT, { from: `${q}/`, to: `${r}/` })).status).toBe(201);

    const loop = await editor.create(REDIRECT, { from: `${r}/`, to: `${p}/` });
    expect(loop.status).toBe(400);
    expect(loop.body.error.message).toMatch(/loop/);
    expect(loop.body.error.details.errors[0]).toMatchObject({ path: ['to'], code: 'redirect_loop' });

    const self = await editor.create(REDIRECT, { from: `${r}/`, to: r });
    expect(self.status).toBe(400);
    expect(self.body.error.details.errors[0]).toMatchObject({ path: ['to'], code: 'redirect_loop' });

    const duplicate = await editor.create(REDIRECT, { from: `${p}/`, to: '/en/' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details.errors[0]).toMatchObject({ path: ['from'] });

    for (const to of ['https://evil.example/', '//evil.example/', '/en/x/?a=1', '/en/a" b/']) {
      const bad = await editor.create(REDIRECT, { from: `${r}/`, to });
      expect(bad.status, to).toBe(400);
      expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['to'], code: 'invalid_format' });
    }
    expect(await redirectsFrom(`${r}/`)).toEqual({});
  });
});
