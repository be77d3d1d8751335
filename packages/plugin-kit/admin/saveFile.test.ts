import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileBlob, safeFileName, saveFile, saveJson, type SaveFileDocument } from './saveFile';

/** A document that records what saveFile does with its link. */
const fakeDocument = () => {
  const events: string[] = [];
  const link = {
    href: '',
    download: '',
    click: () => events.push(`click ${link.download}`),
    remove: () => events.push('remove'),
  };
  const doc = {
    createElement: (tag: string) => {
      events.push(`create ${tag}`);
      return link;
    },
    body: { append: () => events.push('append') },
  } as unknown as SaveFileDocument;
  return { doc, link, events };
};

afterEach(() => vi.restoreAllMocks());

describe('fileBlob', () => {
  it('holds the content with its type', async () => {
    const blob = fileBlob('a;b\n1;2\n', 'text/csv;charset=utf-8');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await blob.text()).toBe('a;b\n1;2\n');
  });
});

describe('safeFileName', () => {
  it.each([
    ['whitepaper-abc-leads.csv', 'whitepaper-abc-leads.csv'],
    ['contact-export 2026-12-07.json', 'contact-export 2026-12-07.json'],
    ['../etc/passwd', '..-etc-passwd'],
    ['a:b*c?.csv', 'a-b-c-.csv'],
    ['line\nbreak.csv', 'line-break.csv'],
    ['   ', 'download'],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});

describe('saveFile', () => {
  it('clicks a temporary link to an object URL of the content, then removes both', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:fake/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { doc, link, events } = fakeDocument();

    saveFile('id;email\n', 'leads.csv', 'text/csv;charset=utf-8', doc);

    expect(events).toEqual(['create a', 'append', 'click leads.csv', 'remove']);
    expect(link.href).toBe('blob:fake/1');
    expect(created).toHaveLength(1);
    expect(created[0].type).toBe('text/csv;charset=utf-8');
    expect(await created[0].text()).toBe('id;email\n');
    expect(revoke).toHaveBeenCalledWith('blob:fake/1');
  });

  it('revokes the URL and removes the link even when the click throws', () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake/2');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { doc, link, events } = fakeDocument();
    link.click = () => {
      throw new Error('blocked');
    };

    expect(() => saveFile('x', 'x.txt', 'text/plain', doc)).toThrow('blocked');
    expect(events).toContain('remove');
    expect(revoke).toHaveBeenCalledWith('blob:fake/2');
  });
});

describe('saveJson', () => {
  it('saves pretty-printed JSON', async () => {
    let saved: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:fake/3';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { doc, link } = fakeDocument();

    saveJson({ email: 'a@example.com' }, 'contact.json', doc);

    expect(link.download).toBe('contact.json');
    expect(saved?.type).toBe('application/json');
    expect(await saved?.text()).toBe('{\n  "email": "a@example.com"\n}');
  });
});
