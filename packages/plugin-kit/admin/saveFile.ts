/** The part of `document` that saving a file needs (a parameter, so that it is tested without a DOM). */
export interface SaveFileDocument {
  createElement(tagName: 'a'): Pick<HTMLAnchorElement, 'href' | 'download' | 'click' | 'remove'>;
  body: { append(node: never): void };
}

/** What `saveFile` hands to the browser, built apart so that it can be tested as a plain function. */
export const fileBlob = (content: BlobPart, type: string) => new Blob([content], { type });

/** A file name without path separators or control characters, which browsers would refuse or rewrite. */
export const safeFileName = (fileName: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  fileName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim() || 'download';

/**
 * Saves `content` as a file through a temporary object URL on a temporary link (the admin has no
 * server-side download for authenticated requests: the JWT travels in a header).
 */
export const saveFile = (
  content: BlobPart,
  fileName: string,
  type: string,
  doc: SaveFileDocument = document as unknown as SaveFileDocument,
) => {
  const href = URL.createObjectURL(fileBlob(content, type));
  const link = doc.createElement('a');
  link.href = href;
  link.download = safeFileName(fileName);
  doc.body.append(link as never);
  try {
    link.click();
  } finally {
    link.remove();
    URL.revokeObjectURL(href);
  }
};

export const CSV_TYPE = 'text/csv;charset=utf-8';

/** Saves `value` as a pretty-printed JSON file. */
export const saveJson = (value: unknown, fileName: string, doc?: SaveFileDocument) =>
  saveFile(JSON.stringify(value, null, 2), fileName, 'application/json', doc);
