import { describe, expect, it } from 'vitest';
import { blocksText, diffVersions } from './diff';
import { collectReferences, planRestore } from './restore';
import { deepPopulate, type Model, type Schemas } from './schema';
import { snapshot } from './snapshot';

const models: Record<string, Model> = {
  'api::page.page': {
    attributes: {
      title: { type: 'string' },
      body: { type: 'blocks' },
      views: { type: 'integer' },
      seo: { type: 'component', component: 'shared.seo' },
      sections: { type: 'dynamiczone', components: ['sections.hero', 'sections.faq'] },
      author: { type: 'relation', relation: 'manyToOne', target: 'api::author.author' },
      tags: { type: 'relation', relation: 'manyToMany', target: 'api::tag.tag' },
      cover: { type: 'media', multiple: false },
      createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
      publishedAt: { type: 'datetime' },
    },
  },
  'shared.seo': { attributes: { metaTitle: { type: 'string' }, image: { type: 'media', multiple: false } } },
  'sections.hero': { attributes: { heading: { type: 'string' }, text: { type: 'text' } } },
  'sections.faq': { attributes: { items: { type: 'component', component: 'sections.qa', repeatable: true } } },
  'sections.qa': { attributes: { question: { type: 'string' }, answer: { type: 'richtext' } } },
};
const schemas: Schemas = (uid) => models[uid];
const UID = 'api::page.page';

const entry = {
  id: 7,
  documentId: 'doc1',
  locale: 'en',
  publishedAt: null,
  createdBy: { id: 1 },
  title: 'Spring launch',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello world' }] }],
  views: 3,
  seo: { id: 4, metaTitle: 'Launch', image: { id: 9, name: 'a.png', url: '/a.png', mime: 'image/png' } },
  sections: [
    { id: 11, __component: 'sections.hero', heading: 'Welcome', text: 'Fast and open' },
    { id: 12, __component: 'sections.faq', items: [{ id: 13, question: 'Why?', answer: 'Because.' }] },
  ],
  author: { id: 2, documentId: 'auth1' },
  tags: [
    { id: 3, documentId: 'tagA' },
    { id: 4, documentId: 'tagB' },
  ],
  cover: null,
};

describe('snapshot', () => {
  it('keeps every field with components whole, drops ids and bookkeeping', () => {
    expect(snapshot(schemas, UID, entry)).toEqual({
      title: 'Spring launch',
      body: entry.body,
      views: 3,
      seo: { metaTitle: 'Launch', image: { id: 9, name: 'a.png', url: '/a.png' } },
      sections: [
        { __component: 'sections.hero', heading: 'Welcome', text: 'Fast and open' },
        { __component: 'sections.faq', items: [{ question: 'Why?', answer: 'Because.' }] },
      ],
      author: { documentId: 'auth1' },
      tags: [{ documentId: 'tagA' }, { documentId: 'tagB' }],
      cover: null,
    });
  });

  it('populates components, dynamic zones, relations and media deeply', () => {
    expect(deepPopulate(schemas, UID)).toEqual({
      seo: { populate: { image: { fields: ['id', 'documentId', 'name', 'url', 'mime'] } } },
      sections: {
        on: { 'sections.hero': true, 'sections.faq': { populate: { items: true } } },
      },
      author: { fields: ['documentId'] },
      tags: { fields: ['documentId'] },
      cover: { fields: ['id', 'documentId', 'name', 'url', 'mime'] },
    });
  });
});

describe('diffVersions', () => {
  const before = snapshot(schemas, UID, entry);

  it('lists nothing for the same content', () => {
    expect(diffVersions(schemas, UID, before, snapshot(schemas, UID, { ...entry, id: 99 }))).toEqual([]);
  });

  it('diffs text word by word, sections field by field, relations as added and removed', () => {
    const after = snapshot(schemas, UID, {
      ...entry,
      title: 'Summer launch',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello brave world' }] }],
      sections: [
        { __component: 'sections.hero', heading: 'Welcome back', text: 'Fast and open' },
        { __component: 'sections.faq', items: [{ question: 'Why?', answer: 'Because.' }, { question: 'How?' }] },
        { __component: 'sections.hero', heading: 'New', text: null },
      ],
      tags: [{ documentId: 'tagB' }, { documentId: 'tagC' }],
    });
    const changes = diffVersions(schemas, UID, before, after);
    expect(changes.map((change) => [change.path, change.change])).toEqual([
      ['title', 'changed'],
      ['body', 'changed'],
      ['sections[0].heading', 'changed'],
      ['sections[1].items[1]', 'added'],
      ['sections[2]', 'added'],
      ['tags', 'changed'],
    ]);
    const title = changes[0];
    expect(title.text).toEqual([
      { value: 'Spring', removed: true },
      { value: 'Summer', added: true },
      { value: ' launch' },
    ]);
    expect(changes[1].text?.filter((part) => part.added).map((part) => part.value.trim())).toEqual(['brave']);
    expect(changes[4].type).toBe('component:sections.hero');
    expect(changes[5]).toMatchObject({ type: 'relation', added: ['tagC'], removed: ['tagA'] });
  });

  it('replaces a section whose component changed as a whole', () => {
    const after = { ...before, sections: [(before.sections as unknown[])[1]] };
    const [change, second] = diffVersions(schemas, UID, before, after);
    expect(change).toMatchObject({ path: 'sections[0]', change: 'changed', type: 'component:sections.faq' });
    expect(second).toMatchObject({ path: 'sections[1]', change: 'removed' });
  });

  it('shows a field the model no longer has', () => {
    expect(diffVersions(schemas, UID, { ...before, ghost: 'x' }, before)).toEqual([
      { path: 'ghost', type: 'unknown', change: 'removed', before: 'x', after: null },
    ]);
  });

  it('reads blocks as text', () => {
    expect(
      blocksText([
        { type: 'heading', children: [{ text: 'Title' }] },
        { type: 'paragraph', children: [{ text: 'One ' }, { type: 'link', children: [{ text: 'link' }] }] },
      ]),
    ).toBe('Title\nOne link');
  });
});

describe('planRestore', () => {
  const data = { ...snapshot(schemas, UID, entry), ghost: 'gone', seo: { metaTitle: 'Launch', old: 1 } };

  it('collects the references to check', () => {
    const references = collectReferences(schemas, UID, data);
    expect([...references.media]).toEqual([]);
    expect([...(references.relations.get('api::tag.tag') ?? [])]).toEqual(['tagA', 'tagB']);
    expect([...(references.relations.get('api::author.author') ?? [])]).toEqual(['auth1']);
  });

  it('drops fields the model lost and reports deleted relations, keeping the rest', () => {
    const plan = planRestore(schemas, UID, data, {
      relation: (_target, documentId) => documentId !== 'tagB',
      media: () => true,
    });
    expect(plan.dropped.sort()).toEqual(['ghost', 'seo.old']);
    expect(plan.missing).toEqual([{ path: 'tags', kind: 'relation', target: 'api::tag.tag', documentId: 'tagB' }]);
    expect(plan.data).toEqual({
      title: 'Spring launch',
      body: entry.body,
      views: 3,
      seo: { metaTitle: 'Launch' },
      sections: [
        { __component: 'sections.hero', heading: 'Welcome', text: 'Fast and open' },
        { __component: 'sections.faq', items: [{ question: 'Why?', answer: 'Because.' }] },
      ],
      author: { set: [{ documentId: 'auth1' }] },
      tags: { set: [{ documentId: 'tagA' }] },
      cover: null,
    });
  });

  it('skips a dynamic zone entry whose component is gone', () => {
    const plan = planRestore(
      schemas,
      UID,
      { sections: [{ __component: 'sections.old', x: 1 }] },
      { relation: () => true, media: () => true },
    );
    expect(plan.data).toEqual({ sections: [] });
    expect(plan.dropped).toEqual(['sections[0] (sections.old)']);
  });
});
