import { describe, expect, it } from 'vitest';
import { finalTarget, normalizePath, planRedirect } from './redirects';

describe('normalizePath', () => {
  it('keeps site paths, adds the trailing slash of a folder path', () => {
    expect(normalizePath('/en/old')).toEqual({ path: '/en/old/' });
    expect(normalizePath(' /en/old/ ')).toEqual({ path: '/en/old/' });
    expect(normalizePath('/en/rss.xml')).toEqual({ path: '/en/rss.xml' });
  });

  it('refuses what is not a plain path on the site', () => {
    for (const bad of [
      '',
      'en/old/',
      '//evil.example/',
      'https://evil.example/',
      '/en/a b/',
      '/en/?x=1',
      '/en/../x/',
      '/a";/',
    ])
      expect(normalizePath(bad), bad).toHaveProperty('code');
    expect(normalizePath(`/${'a'.repeat(300)}`)).toMatchObject({ code: 'too_long' });
  });
});

describe('planRedirect', () => {
  const rows = [
    { from: '/a/', to: '/b/' },
    { from: '/x/', to: '/y/' },
  ];

  it('collapses chains both ways: a→b plus b→c repoints a to c; c→d then a→b points at d', () => {
    expect(planRedirect(rows, '/b/', '/c/')).toEqual({ loop: false, target: '/c/', repoint: [rows[0]] });
    expect(planRedirect([{ from: '/b/', to: '/d/' }], '/a/', '/b/')).toMatchObject({ loop: false, target: '/d/' });
  });

  it('refuses a loop, also through a chain', () => {
    expect(planRedirect(rows, '/b/', '/a/')).toEqual({ loop: true });
    expect(planRedirect([...rows, { from: '/c/', to: '/a/' }], '/b/', '/c/')).toEqual({ loop: true });
  });

  it('finalTarget stops on a loop it finds in stored data', () => {
    expect(
      finalTarget(
        '/p/',
        new Map([
          ['/p/', '/q/'],
          ['/q/', '/p/'],
        ]),
      ),
    ).toBeNull();
    expect(finalTarget('/p/', new Map([['/p/', '/q/']]))).toBe('/q/');
  });
});
