import { describe, expect, it } from 'vitest';
import { contentDisposition, isPdf } from './pdf';

describe('isPdf', () => {
  it.each([
    ['a PDF header', '%PDF-1.7\n', true],
    ['HTML', '<!doctype html>', false],
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg">', false],
    ['a PDF header after other bytes', ' %PDF-1.7', false],
    ['too short', '%PD', false],
  ])('%s → %s', (_label, head, expected) => {
    expect(isPdf(Buffer.from(head, 'latin1'))).toBe(expected);
  });
});

describe('contentDisposition', () => {
  it('is an attachment with an ASCII and a UTF-8 file name', () => {
    expect(contentDisposition('Pipeline Grundlagen für Größen.pdf')).toBe(
      `attachment; filename="Pipeline Grundlagen fur Groen.pdf"; filename*=UTF-8''Pipeline%20Grundlagen%20f%C3%BCr%20Gr%C3%B6%C3%9Fen.pdf`,
    );
  });

  it('strips quotes, line breaks and slashes and adds the .pdf extension', () => {
    expect(contentDisposition('a"b\r\nc/d')).toBe(`attachment; filename="abcd.pdf"; filename*=UTF-8''abcd.pdf`);
  });
});
