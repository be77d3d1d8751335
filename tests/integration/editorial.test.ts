/**
 * The editorial plugin (docs/adr/0026-editorial.md) in the real CMS on real PostgreSQL:
 * - a version per save and per publish, written by the Document Service middleware;
 * - the field-by-field diff of a page whose sections changed;
 * - restore: a 3-versions-old page comes back exactly as a draft (never published); a version
 *   with fields the schema no longer has, and a relation to a deleted entry, restore with both reported;
 * - review stages: an Editor cannot publish an entry that is "In review" through the Content
 *   Manager API (403), nor approve it; once approved it publishes, and an edit sends it back to Draft;
 * - releases: one that fails validation on one of its 3 entries publishes none and records why;
 *   a scheduled release runs once with two CMS instances polling one database.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestCms, type CmsProcess } from '../helpers/cms-process';
import { api, clientIp } from '../helpers/http';
import { auth, contentManager, superAdminToken, uniqueSlug } from '../helpers/content';
import { adminUser } from '../helpers/admin-users';
import { count, db, rows } from '../helpers/db';
import { eventually } from '../helpers/wait';

const PAGE = 'api::page.page';
const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';

let superToken: string;
let admin: ReturnType<typeof contentManager>;

beforeAll(async () => {
  superToken = await superAdminToken();
  admin = contentManager(superToken);
});

const editorial = (token: string) => ({
  versions: (uid: string, documentId: string, locale = 'en') =>
    api(`/editorial/versions?uid=${encodeURIComponent(uid)}&documentId=${documentId}&locale=${locale}`, {
      headers: auth(token),
    }),
  version: (id: number) => api(`/editorial/versions/${id}`, { headers: auth(token) }),
  restore: (id: number) => api(`/editorial/versions/${id}/restore`, { method: 'POST', headers: auth(token), json: {} }),
  settings: (json: Record<string, unknown>) =>
    api('/editorial/settings', { method: 'PUT', headers: auth(token), json }),
  stage: (json: Record<string, unknown>) => api('/editorial/stages', { method: 'PUT', headers: auth(token), json }),
  getStage: (uid: string, documentId: string, locale = 'en') =>
    api(`/editorial/stages?uid=${encodeURIComponent(uid)}&documentId=${documentId}&locale=${locale}`, {
      headers: auth(token),
    }),
  createRelease: (json: Record<string, unknown>) =>
    api('/editorial/releases', { method: 'POST', headers: auth(token), json }),
  schedule: (id: number, json: Record<string, unknown>) =>
    api(`/editorial/releases/${id}/schedule`, { method: 'POST', headers: auth(token), json }),
  release: (id: number) => api(`/editorial/releases/${id}`, { headers: auth(token) }),
});

const sections = (title: string) => [
  {
    __component: 'sections.hero',
    heading: `${title} hero`,
    subheading: 'Fast and open',
    primaryCta: { label: 'Talk to us', url: '/en/contact/' },
  },
  { __component: 'sections.faq', heading: 'FAQ', items: [{ question: 'Why?', answer: 'Because.' }] },
  { __component: 'sections.contact-form', heading: 'Write to us', submitLabel: 'Send' },
];

const pageData = (title: string) => ({
  title,
  slug: uniqueSlug('editorial'),
  sections: sections(title),
  seo: { metaTitle: `${title} | Magnetiq`, metaDescription: 'A page with a history.', noindex: false },
});

async function createPage(title: string, token = superToken) {
  const created = await contentManager(token).create(PAGE, pageData(title));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data.documentId as string;
}

async function versionsOf(uid: string, documentId: string) {
  const response = await editorial(superToken).versions(uid, documentId);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.data as Array<{ id: number; action: string; status: string; restoredFrom: number | null }>;
}

const storedVersions = (documentId: string) =>
  count(`select count(*) from editorial_versions where document_id = $1`, [documentId]);

describe('version history', () => {
  it('records a version per save and per publish, in the same transaction as the change', async () => {
    const documentId = await createPage('History one');
    expect((await versionsOf(PAGE, documentId)).map((v) => [v.action, v.status])).toEqual([['create', 'draft']]);

    expect((await admin.update(PAGE, documentId, { title: 'History one, edited' })).status).toBe(200);
    expect((await admin.update(PAGE, documentId, { title: 'History one, edited twice' })).status).toBe(200);
    // the Content Manager's publish saves the form first: an unchanged save adds no version
    expect((await admin.publish(PAGE, documentId)).status).toBe(200);
    const versions = await versionsOf(PAGE, documentId);
    expect(versions.map((v) => [v.action, v.status])).toEqual([
      ['publish', 'published'],
      ['update', 'draft'],
      ['update', 'draft'],
      ['create', 'draft'],
    ]);
    expect(await storedVersions(documentId)).toBe(4);
    // the version holds the whole document: dynamic zone and components included
    const published = await editorial(superToken).version(versions[0].id);
    expect(published.status).toBe(200);
    expect(published.body.data.data.title).toBe('History one, edited twice');
    expect(published.body.data.data.sections).toHaveLength(3);
    expect(published.body.data.data.sections[0]).toMatchObject({
      __component: 'sections.hero',
      primaryCta: { label: 'Talk to us', url: '/en/contact/' },
    });
    expect(published.body.data.data.seo).toMatchObject({ metaTitle: 'History one | Magnetiq' });
  });

  it('a save that fails writes no version (one transaction)', async () => {
    const documentId = await createPage('History failing');
    const before = await storedVersions(documentId);
    const bad = await admin.update(PAGE, documentId, { slug: 'Not A Slug!' });
    expect(bad.status).toBe(400);
    expect(await storedVersions(documentId)).toBe(before);
  });

  it('diffs a page with changed sections field by field', async () => {
    const documentId = await createPage('Diff page');
    const [first] = await versionsOf(PAGE, documentId);
    const changed = sections('Diff page');
    changed[0] = { ...changed[0], heading: 'A brand new hero' };
    changed.splice(1, 1); // the FAQ goes
    changed.push({
      __component: 'sections.rich-text',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Fresh words' }] }],
    } as never);
    expect((await admin.update(PAGE, documentId, { title: 'Diff page v2', sections: changed })).status).toBe(200);

    const detail = await editorial(superToken).version(first.id);
    expect(detail.status).toBe(200);
    const diff = detail.body.data.diff as Array<{
      path: string;
      change: string;
      type: string;
      text?: Array<{ value: string; added?: boolean; removed?: boolean }>;
    }>;
    const byPath = Object.fromEntries(diff.map((change) => [change.path, change]));
    expect(byPath.title.text?.filter((part) => part.added).map((part) => part.value.trim())).toEqual(['v2']);
    expect(byPath['sections[0].heading']).toMatchObject({ change: 'changed', type: 'string' });
    expect(byPath['sections[0].heading'].text?.some((part) => part.removed && part.value.includes('Diff'))).toBe(true);
    // the FAQ's place is taken by the contact form, whose place is taken by the rich text
    expect(byPath['sections[1]']).toMatchObject({ change: 'changed', type: 'component:sections.contact-form' });
    expect(byPath['sections[2]']).toMatchObject({ change: 'changed', type: 'component:sections.rich-text' });
    expect(diff.map((change) => change.path).sort()).toEqual([
      'sections[0].heading',
      'sections[1]',
      'sections[2]',
      'title',
    ]);
  });

  it('restores a 3-versions-old page exactly, as a draft, and the restore is a version itself', async () => {
    const documentId = await createPage('Restore me');
    expect((await admin.publish(PAGE, documentId)).status).toBe(200);
    for (const n of [2, 3, 4]) {
      const data = { title: `Restore me v${n}`, sections: sections(`v${n}`).slice(0, n - 1) };
      expect((await admin.update(PAGE, documentId, data)).status).toBe(200);
    }
    const drafts = (await versionsOf(PAGE, documentId)).filter((v) => v.status === 'draft');
    expect(drafts.map((v) => v.action)).toEqual(['update', 'update', 'update', 'create']);
    const old = drafts[3];
    const oldData = (await editorial(superToken).version(old.id)).body.data.data;

    const restored = await editorial(superToken).restore(old.id);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.data).toMatchObject({ action: 'restore', status: 'draft', restoredFrom: old.id });
    expect(restored.body.meta).toEqual({ restoredFrom: old.id, dropped: [], missing: [] });

    // the new draft holds exactly the old data, and shows no difference to it
    const restoredVersion = await editorial(superToken).version(restored.body.data.id);
    expect(restoredVersion.body.data.data).toEqual(oldData);
    expect((await editorial(superToken).version(old.id)).body.data.diff).toEqual([]);
    const draft = await api(`/content-manager/collection-types/${PAGE}/${documentId}?locale=en`, {
      headers: auth(superToken),
    });
    expect(draft.body.data.title).toBe('Restore me');
    expect(draft.body.data.sections.map((s: { __component: string }) => s.__component)).toEqual([
      'sections.hero',
      'sections.faq',
      'sections.contact-form',
    ]);
    // never published: the live page is still the one published before
    const live = await rows<{ title: string }>(
      `select title from pages where document_id = $1 and locale = 'en' and published_at is not null`,
      [documentId],
    );
    expect(live).toEqual([{ title: 'Restore me' }]);
    expect((await versionsOf(PAGE, documentId))[0]).toMatchObject({ action: 'restore', restoredFrom: old.id });
  });

  it('restores a version with fields the schema no longer has, and reports a relation to a deleted entry', async () => {
    const category = await admin.create(CATEGORY, { name: `Gone ${uniqueSlug('c')}` });
    expect(category.status).toBe(201);
    const article = await admin.create(ARTICLE, {
      title: 'Schema change',
      slug: uniqueSlug('schema-change'),
      excerpt: 'Before',
      category: { connect: [{ documentId: category.body.data.documentId }] },
    });
    expect(article.status, JSON.stringify(article.body)).toBe(201);
    const documentId = article.body.data.documentId as string;
    const [version] = await versionsOf(ARTICLE, documentId);
    expect((await editorial(superToken).version(version.id)).body.data.data.category).toEqual({
      documentId: category.body.data.documentId,
    });
    expect((await admin.update(ARTICLE, documentId, { excerpt: 'After' })).status).toBe(200);

    // as if the model had lost two fields since this version was written
    await db().query(
      `update editorial_versions set data = data || '{"legacyTeaser": "old", "seo": {"metaTitle": "Kept", "oldKeyword": "x"}}'::jsonb where id = $1`,
      [version.id],
    );
    expect((await admin.remove(CATEGORY, category.body.data.documentId)).status).toBe(200);

    const restored = await editorial(superToken).restore(version.id);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.meta.dropped.sort()).toEqual(['legacyTeaser', 'seo.oldKeyword']);
    expect(restored.body.meta.missing).toEqual([
      { path: 'category', kind: 'relation', target: CATEGORY, documentId: category.body.data.documentId },
    ]);
    const draft = await api(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=en`, {
      headers: auth(superToken),
    });
    expect(draft.body.data).toMatchObject({ excerpt: 'Before', seo: { metaTitle: 'Kept' } });
  });

  it('lets whoever reads the type read its versions, and only them restore', async () => {
    const documentId = await createPage('Who may');
    const [version] = await versionsOf(PAGE, documentId);
    const viewer = editorial((await adminUser('Viewer')).token);
    expect((await viewer.versions(PAGE, documentId)).status).toBe(200);
    expect((await viewer.restore(version.id)).status).toBe(403);
    const sales = editorial((await adminUser('Sales')).token);
    expect((await sales.versions(PAGE, documentId)).status).toBe(403);
    const bad = await editorial(superToken).versions('api::nope.nope', documentId);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['uid'], code: 'unknown_type' });
  });
});

describe('review stages', () => {
  afterAll(async () => {
    await editorial(superToken).settings({ uid: PAGE, review: false });
  });

  it('refuses an Editor publishing an entry "In review" (403), lets it publish once approved, and an edit sends it back to Draft', async () => {
    const on = await editorial(superToken).settings({ uid: PAGE, review: true });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body.data.stages.map((stage: { name: string }) => stage.name)).toEqual([
      'Draft',
      'In review',
      'Approved',
    ]);

    const editorUser = await adminUser('Editor');
    const editorCm = contentManager(editorUser.token);
    const created = await editorCm.create(PAGE, pageData('Needs review'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const documentId = created.body.data.documentId as string;
    expect((await editorial(editorUser.token).getStage(PAGE, documentId)).body.data.stage).toBe('Draft');

    const me = await api('/admin/users/me', { headers: auth(superToken) });
    const moved = await editorial(editorUser.token).stage({
      uid: PAGE,
      documentId,
      locale: 'en',
      stage: 'In review',
      assigneeId: me.body.data.id,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.data).toMatchObject({ stage: 'In review', assigneeId: me.body.data.id });
    // the assignee is emailed through the leads outbox
    expect(
      await count(
        `select count(*) from leads_outbox where topic = 'email.send' and payload->>'template' = 'editorial-review-request' and payload->'data'->>'documentId' = $1`,
        [documentId],
      ),
    ).toBe(1);

    const refused = await editorCm.publish(PAGE, documentId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('"In review"');
    expect(refused.body.error.message).toContain('"Approved"');
    expect(refused.body.error.details).toMatchObject({ code: 'not_approved', stage: 'In review' });
    expect(
      await count(`select count(*) from pages where document_id = $1 and published_at is not null`, [documentId]),
    ).toBe(0);

    // an Editor may not approve
    const approveByEditor = await editorial(editorUser.token).stage({
      uid: PAGE,
      documentId,
      locale: 'en',
      stage: 'Approved',
    });
    expect(approveByEditor.status).toBe(403);
    expect((await editorial(superToken).stage({ uid: PAGE, documentId, locale: 'en', stage: 'Approved' })).status).toBe(
      200,
    );
    expect((await editorCm.publish(PAGE, documentId)).status).toBe(200);

    // editing the approved entry sends it back to Draft: the next publish is refused again
    expect((await editorCm.update(PAGE, documentId, { title: 'Needs review, edited' })).status).toBe(200);
    expect((await editorial(editorUser.token).getStage(PAGE, documentId)).body.data.stage).toBe('Draft');
    expect((await editorCm.publish(PAGE, documentId)).status).toBe(403);
  });
});

async function release(actions: Array<Record<string, unknown>>, name = uniqueSlug('release')) {
  const created = await editorial(superToken).createRelease({ name, actions });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data.id as number;
}

const publishedCount = (documentIds: string[]) =>
  count(`select count(*) from pages where document_id = any($1) and published_at is not null`, [documentIds]);

const waitForRelease = (id: number, base?: string) =>
  eventually(
    async () => {
      const answer = await api(`/editorial/releases/${id}`, { headers: auth(superToken), baseUrl: base });
      return ['done', 'failed'].includes(answer.body.data.status) && answer.body.data;
    },
    { timeoutMs: 15_000, intervalMs: 200, what: `release ${id} to run` },
  );

describe('releases', () => {
  it('publishes all of a release or, when one of its 3 entries fails validation, none', async () => {
    const good = [await createPage('Release ok 1'), await createPage('Release ok 2')];
    // a draft without its required title saves, but cannot be published
    const broken = await admin.create(PAGE, { slug: uniqueSlug('broken'), sections: [] });
    expect(broken.status, JSON.stringify(broken.body)).toBe(201);
    const ids = [...good, broken.body.data.documentId as string];

    const id = await release(ids.map((documentId) => ({ uid: PAGE, documentId, locale: 'en', type: 'publish' })));
    const scheduled = await editorial(superToken).schedule(id, { scheduledAt: new Date().toISOString() });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    const failed = await waitForRelease(id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('action 3');
    expect(failed.error).toContain(ids[2]);
    expect(await publishedCount(ids)).toBe(0);
    // no version of a publish that was rolled back
    expect(
      await count(`select count(*) from editorial_versions where document_id = any($1) and action = 'publish'`, [ids]),
    ).toBe(0);

    const ok = await release(good.map((documentId) => ({ uid: PAGE, documentId, locale: 'en', type: 'publish' })));
    // a local time in the editor's zone, a moment ago
    const local = new Date(Date.now() - 5000).toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' }).replace(' ', 'T');
    expect((await editorial(superToken).schedule(ok, { scheduledAt: local, timeZone: 'Europe/Berlin' })).status).toBe(
      200,
    );
    const done = await waitForRelease(ok);
    expect(done).toMatchObject({ status: 'done', runs: 1, error: null, timeZone: 'Europe/Berlin' });
    expect(await publishedCount(good)).toBe(2);
  });

  it('refuses a release with bad actions, with a code per field', async () => {
    const bad = await editorial(superToken).createRelease({
      name: '',
      actions: [{ uid: PAGE, documentId: 'NOT-AN-ID', locale: 'en', type: 'delete' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((error: { code: string }) => error.code).sort()).toEqual([
      'invalid_action_type',
      'invalid_document_id',
      'invalid_name',
    ]);
    const past = await editorial(superToken).schedule(
      await release([{ uid: PAGE, documentId: await createPage('Past'), locale: 'en', type: 'publish' }]),
      {
        scheduledAt: '2020-01-01T10:00',
        timeZone: 'Europe/Berlin',
      },
    );
    expect(past.status).toBe(400);
    expect(past.body.error.details.errors[0]).toMatchObject({ path: ['scheduledAt'], code: 'in_the_past' });
  });

  describe('with two CMS instances on one database', () => {
    let b: CmsProcess;
    beforeAll(async () => {
      b = await startTestCms('editorial-b', { ...inject('cmsEnv'), SEED_DEMO_CONTENT: 'false' });
    }, 180_000);
    afterAll(async () => {
      await b?.stop();
    }, 60_000);

    it('runs a scheduled release once', async () => {
      const ids = [await createPage('Twice 1'), await createPage('Twice 2'), await createPage('Twice 3')];
      const id = await release(ids.map((documentId) => ({ uid: PAGE, documentId, locale: 'en', type: 'publish' })));
      // both instances poll every 300 ms; the release falls due while both are polling
      const at = new Date(Date.now() + 1500).toISOString();
      expect((await editorial(superToken).schedule(id, { scheduledAt: at })).status).toBe(200);
      const done = await waitForRelease(id, b.url);
      expect(done).toMatchObject({ status: 'done', runs: 1 });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await editorial(superToken).release(id)).body.data).toMatchObject({ status: 'done', runs: 1 });
      expect(await publishedCount(ids)).toBe(3);
      // each page was published once: one publish version each
      expect(
        await rows(
          `select document_id, count(*)::int as n from editorial_versions where document_id = any($1) and action = 'publish' group by document_id order by document_id`,
          [ids],
        ),
      ).toEqual([...ids].sort().map((documentId) => ({ document_id: documentId, n: 1 })));
    });
  });
});

describe('content audit log', () => {
  it('has every admin content action with its fields, filtered, and as CSV; Super Admin only', async () => {
    const documentId = await createPage('Audited');
    expect((await admin.update(PAGE, documentId, { title: 'Audited, edited' })).status).toBe(200);
    expect((await admin.publish(PAGE, documentId)).status).toBe(200);
    const [, , first] = await versionsOf(PAGE, documentId);
    expect((await editorial(superToken).restore(first.id)).status).toBe(200);

    const log = await api(`/editorial/audit-log?action=content.*&type=${encodeURIComponent(PAGE)}&pageSize=200`, {
      headers: auth(superToken),
    });
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    const mine = (log.body.data as Array<{ action: string; subjectId: string; actorEmail: string; details: any }>)
      .filter((entry) => entry.subjectId === documentId)
      .reverse();
    expect(mine.map((entry) => entry.action)).toEqual([
      'content.create',
      'content.update',
      'content.publish',
      'content.restore',
    ]);
    expect(mine[1].details).toMatchObject({ locale: 'en', fields: ['title'] });
    expect(mine[3].details).toMatchObject({ fields: ['title'], version: first.id });
    expect(mine[0].actorEmail).toBe(inject('adminEmail'));

    const csv = await api(`/editorial/audit-log/export?action=content.*&type=${encodeURIComponent(PAGE)}`, {
      headers: { ...auth(superToken), Accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('occurredAt,actorId,actorEmail,action,subjectType,subjectId,details');
    expect(lines.filter((line) => line.includes(documentId))).toHaveLength(4);

    const bad = await api('/editorial/audit-log?from=yesterday', { headers: auth(superToken) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['from'], code: 'invalid_date' });
    for (const role of ['Admin', 'Editor'] as const)
      expect((await api('/editorial/audit-log', { headers: auth((await adminUser(role)).token) })).status).toBe(403);
  });

  it('records failed admin logins with the address tried', async () => {
    const email = `nobody-${uniqueSlug('x')}@magnetiq.test`;
    const failed = await api('/admin/login', {
      method: 'POST',
      ip: clientIp(),
      json: { email, password: 'Wrong-Passw0rd!' },
    });
    expect(failed.status).toBe(400);
    const log = await eventually(
      async () => {
        const answer = await api('/editorial/audit-log?action=admin.login-failed&pageSize=200', {
          headers: auth(superToken),
        });
        return answer.body.data.find((entry: { subjectId: string }) => entry.subjectId === email) ?? false;
      },
      { timeoutMs: 5000, intervalMs: 200, what: 'the failed login in the audit log' },
    );
    expect(log).toMatchObject({ action: 'admin.login-failed', subjectType: 'admin::user', actorId: null });
  });
});
