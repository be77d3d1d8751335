/**
 * The media library's allow-list, decided by a file's content (its first bytes), never by the name
 * or the type the browser declared: an `.html`, `.svg` or `.js` file served from the CMS's own
 * origin would run script where the admin runs (CVE-2026-22707). Images without SVG, PDF, MP4 and
 * WebM; everything else is refused. A small signature table rather than the `file-type` package:
 * we need eight formats, and each rule here is a few bytes that a reviewer can check against the
 * format's specification.
 */
export type MediaKind = 'image' | 'document' | 'video';

export interface MediaType {
  mime: string;
  kind: MediaKind;
  /** The file name endings this content may be stored under (lower case, with the dot). */
  extensions: string[];
}

/** How many leading bytes `mediaTypeOf` needs (the EBML header of WebM is the longest search). */
export const HEAD_BYTES = 64;

const ascii = (head: Uint8Array, offset: number, text: string) =>
  head.length >= offset + text.length && [...text].every((char, index) => head[offset + index] === char.charCodeAt(0));
const bytes = (head: Uint8Array, offset: number, values: number[]) =>
  head.length >= offset + values.length && values.every((value, index) => head[offset + index] === value);

/** ISO base media (MP4, AVIF, HEIC, MOV...): `ftyp` at offset 4, then the major brand. */
function isoBrands(head: Uint8Array): string[] {
  if (!ascii(head, 4, 'ftyp')) return [];
  const boxSize = (head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3];
  const end = Math.min(head.length, boxSize > 0 ? boxSize : head.length);
  const brands: string[] = [];
  // major brand at 8, minor version at 12, compatible brands from 16
  for (const offset of [
    8,
    ...Array.from({ length: Math.max(0, Math.floor((end - 16) / 4)) }, (_, index) => 16 + index * 4),
  ]) {
    if (offset + 4 <= end) brands.push(String.fromCharCode(...head.subarray(offset, offset + 4)));
  }
  return brands;
}

const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'dash',
  'mmp4',
  'MSNV',
]);

function webm(head: Uint8Array): boolean {
  if (!bytes(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) return false;
  // the DocType element (0x42 0x82, one length byte) names the flavour: "webm", not "matroska"
  for (let at = 4; at + 7 <= head.length; at += 1) {
    if (head[at] === 0x42 && head[at + 1] === 0x82) return ascii(head, at + 3, 'webm');
  }
  return false;
}

/** The allowed type of this content, or null when it is not on the list. */
export function mediaTypeOf(head: Uint8Array): MediaType | null {
  if (bytes(head, 0, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', kind: 'image', extensions: ['.jpg', '.jpeg'] };
  if (bytes(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: 'image/png', kind: 'image', extensions: ['.png'] };
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a'))
    return { mime: 'image/gif', kind: 'image', extensions: ['.gif'] };
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP'))
    return { mime: 'image/webp', kind: 'image', extensions: ['.webp'] };
  if (ascii(head, 0, '%PDF-')) return { mime: 'application/pdf', kind: 'document', extensions: ['.pdf'] };
  if (webm(head)) return { mime: 'video/webm', kind: 'video', extensions: ['.webm'] };
  const brands = isoBrands(head);
  if (brands[0] === 'avif' || brands[0] === 'avis') return { mime: 'image/avif', kind: 'image', extensions: ['.avif'] };
  if (brands.length > 0 && MP4_BRANDS.has(brands[0]))
    return { mime: 'video/mp4', kind: 'video', extensions: ['.mp4', '.m4v'] };
  return null;
}

/** The file name's ending, lower case with the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export type UploadVerdict = { allowed: true; type: MediaType } | { allowed: false; reason: string };

/**
 * A file is accepted when its content is on the list and its name ends as that content does:
 * a PNG named `page.html` would be stored and served as HTML (polyglot files exist).
 */
export function judgeUpload(fileName: string, head: Uint8Array): UploadVerdict {
  const type = mediaTypeOf(head);
  if (!type)
    return { allowed: false, reason: 'is not an image (JPEG, PNG, GIF, WebP, AVIF), a PDF or a video (MP4, WebM)' };
  if (!type.extensions.includes(extensionOf(fileName)))
    return { allowed: false, reason: `is ${type.mime}: its name must end in ${type.extensions.join(' or ')}` };
  return { allowed: true, type };
}

/** Served inline only when an image on the list (by its name's ending, as the static server decides the type). */
const INLINE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif']);
export const servedInline = (path: string) => INLINE_EXTENSIONS.has(extensionOf(path));
