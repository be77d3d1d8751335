/**
 * Uploaded whitepapers are allow-listed by content, not by the name or the type the browser
 * claims: a PDF starts with "%PDF-" (ISO 32000-1, 7.5.2; readers accept it within the first
 * 1024 bytes, we require it at the start, which every producer writes).
 */
export const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

export function isPdf(head: Buffer): boolean {
  return head.length >= PDF_MAGIC.length && head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC);
}

/** A file name safe in a Content-Disposition header, with the RFC 6266 / 5987 UTF-8 form. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const base = fileName.replace(/[\r\n"\\/]/g, '').trim() || 'whitepaper.pdf';
  const withExtension = /\.pdf$/i.test(base) ? base : `${base}.pdf`;
  const ascii =
    withExtension
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[%;]/g, '') || 'whitepaper.pdf';
  const encoded = encodeURIComponent(withExtension).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
