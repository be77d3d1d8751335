import { describe, expect, it } from 'vitest';
import { DOCUMENT_ID, newDocumentId } from './document-id';

describe('document ids', () => {
  it('are 24 lowercase letters and digits starting with a letter, and differ', () => {
    // more than one pool of random bytes (256 ids)
    const ids = Array.from({ length: 1000 }, newDocumentId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['a Strapi id', 'k3v9q2m7x1c8b4n6z0p5r2t8', true],
    ['upper case', 'K3V9Q2M7X1C8B4N6Z0P5R2T8', false],
    ['too short', 'abc', false],
    ['a path', '../etc/passwd', false],
  ])('the pattern takes %s: %s', (_name, id, ok) => expect(DOCUMENT_ID.test(id)).toBe(ok));
});
