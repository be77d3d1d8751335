import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStoredFile, storedFileKey } from './stored-file';

const dir = '/srv/private/whitepapers';
const sha = 'a'.repeat(64);

describe('resolveStoredFile', () => {
  it('resolves a key the upload action makes inside the private folder', () => {
    expect(resolveStoredFile(dir, `${sha}.pdf`)).toBe(path.join(dir, `${sha}.pdf`));
    expect(resolveStoredFile(`${dir}/`, storedFileKey(sha))).toBe(path.join(dir, `${sha}.pdf`));
  });

  it.each([
    ['a path out of the folder', '../../.env'],
    ['an absolute path', '/etc/passwd'],
    ['a key with a folder', `x/${sha}.pdf`],
    ['a key with a traversal before a valid name', `../${sha}.pdf`],
    ['another extension', `${sha}.html`],
    ['upper-case hex', `${'A'.repeat(64)}.pdf`],
    ['a short hash', 'abc.pdf'],
    ['a trailing newline', `${sha}.pdf\n`],
    ['a NUL byte', `${sha}.pdf\u0000`],
    ['not a string', 42],
    ['nothing', null],
  ])('refuses %s', (_name, key) => {
    expect(resolveStoredFile(dir, key)).toBeNull();
  });
});

describe('storedFileKey', () => {
  it('is the hex SHA-256 with .pdf', () => {
    expect(storedFileKey(sha)).toBe(`${sha}.pdf`);
  });

  it('refuses anything that is not a SHA-256', () => {
    expect(() => storedFileKey('../x')).toThrow();
  });
});
