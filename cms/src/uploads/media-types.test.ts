import { describe, expect, it } from 'vitest';
import { extensionOf, judgeUpload, mediaTypeOf, servedInline } from './media-types';

const head = (...parts: Array<string | number[]>) => {
  const chunks = parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part)));
  return new Uint8Array(Buffer.concat([...chunks, Buffer.alloc(32)]));
};
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + compatible.length * 4;
  return head([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''));
};

describe('mediaTypeOf', () => {
  it.each([
    ['a JPEG', head([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['a PNG', head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['a GIF89a', head('GIF89a'), 'image/gif'],
    ['a GIF87a', head('GIF87a'), 'image/gif'],
    ['a WebP', head('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['an AVIF', ftyp('avif', 'mif1', 'miaf'), 'image/avif'],
    ['an AVIF sequence', ftyp('avis', 'msf1'), 'image/avif'],
    ['a PDF', head('%PDF-1.7\n'), 'application/pdf'],
    ['an MP4 (isom)', ftyp('isom', 'iso2', 'avc1', 'mp41'), 'video/mp4'],
    ['an MP4 (mp42)', ftyp('mp42', 'isom'), 'video/mp4'],
    ['a WebM', head([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'), 'video/webm'],
  ])('recognises %s', (_name, content, mime) => {
    expect(mediaTypeOf(content)?.mime).toBe(mime);
  });

  it.each([
    ['HTML', head('<!doctype html><script>alert(1)</script>')],
    ['HTML with a BOM', head([0xef, 0xbb, 0xbf], '<html>')],
    ['SVG', head('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['SVG behind an XML declaration', head('<?xml version="1.0"?><svg/>')],
    ['JavaScript', head('alert(document.cookie)')],
    ['plain text', head('hello')],
    ['an empty file', new Uint8Array()],
    ['a RIFF that is not WebP (WAV)', head('RIFF', [1, 2, 3, 4], 'WAVEfmt ')],
    ['a Matroska video (not WebM)', head([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x82, 0x88], 'matroska')],
    ['a HEIC image', ftyp('heic', 'mif1')],
    ['a QuickTime movie', ftyp('qt  ')],
    ['a ZIP', head('PK', [3, 4])],
    ['a PDF marker that is not at the start', head(' %PDF-1.7')],
    ['a truncated PNG signature', new Uint8Array([0x89, 0x50, 0x4e])],
  ])('refuses %s', (_name, content) => {
    expect(mediaTypeOf(content)).toBeNull();
  });
});

describe('judgeUpload', () => {
  const png = head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  it.each([
    ['logo.png', png, true],
    ['LOGO.PNG', png, true],
    ['photo.jpeg', head([0xff, 0xd8, 0xff, 0xe1]), true],
    ['photo.jpg', head([0xff, 0xd8, 0xff, 0xe1]), true],
    ['paper.pdf', head('%PDF-1.4'), true],
    ['logo.html', png, false],
    ['logo.svg', png, false],
    ['logo', png, false],
    ['logo.png.html', png, false],
    ['page.html', head('<html>'), false],
    ['image.png', head('<svg/>'), false],
    ['paper.png', head('%PDF-1.4'), false],
  ])('%s with this content: allowed %s', (name, content, allowed) => {
    expect(judgeUpload(name, content).allowed).toBe(allowed);
  });
});

describe('extensionOf and servedInline', () => {
  it.each([
    ['a.PNG', '.png'],
    ['dir/a.b.jpg', '.jpg'],
    ['.htaccess', ''],
    ['noext', ''],
  ])('extensionOf(%j) is %j', (name, ext) => expect(extensionOf(name)).toBe(ext));

  it.each([
    ['/uploads/hero_abc123.jpg', true],
    ['/uploads/hero.WEBP', true],
    ['/uploads/paper_abc.pdf', false],
    ['/uploads/clip.mp4', false],
    ['/uploads/old.svg', false],
    ['/uploads/old.html', false],
  ])('serves %s inline: %s', (path, inline) => expect(servedInline(path)).toBe(inline));
});
