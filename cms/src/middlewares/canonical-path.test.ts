import { describe, expect, it } from 'vitest';
import { canonicalPath } from './canonical-path';

describe('canonicalPath', () => {
  it.each([
    ['/admin/login', '/admin/login'],
    ['/admin/LOGIN', '/admin/login'],
    ['/Admin/Login/', '/admin/login'],
    ['/api/Auth/local/register', '/api/auth/local/register'],
    ['/api/auth%2Flocal%2Fregister', '/api/auth/local/register'],
    ['/api/auth%252Flocal/register', '/api/auth/local/register'],
    ['/api/%61uth/local/register', '/api/auth/local/register'],
    ['//api//auth/local/register//', '/api/auth/local/register'],
    ['/api\\auth/local', '/api/auth/local'],
    ['/uploads/File.HTML', '/uploads/file.html'],
    ['/', '/'],
  ])('turns %j into %j', (path, canonical) => {
    expect(canonicalPath(path)).toBe(canonical);
  });

  it('keeps a path that does not decode, lower-cased', () => {
    expect(canonicalPath('/api/AUTH/%E0%A4%A')).toBe('/api/auth/%e0%a4%a');
  });
});
