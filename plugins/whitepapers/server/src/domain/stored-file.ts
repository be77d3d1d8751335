import path from 'node:path';

/**
 * Whitepaper files live in the private folder under the SHA-256 of their bytes. The key is made
 * here and checked here again on every read: a key is data in a table, and data in a table can
 * be wrong (an editor once set `fileKey: "../../.env"` through the Content Manager, ADR 0017).
 */
export const STORED_FILE_KEY = /^[0-9a-f]{64}\.pdf$/;

export const storedFileKey = (sha256: string): string => {
  const key = `${sha256.toLowerCase()}.pdf`;
  if (!STORED_FILE_KEY.test(key)) throw new Error('a stored file key is the SHA-256 of the file in hex');
  return key;
};

/** The absolute path of a stored file, or null when the key is not one we make or leaves the folder. */
export function resolveStoredFile(dir: string, key: unknown): string | null {
  if (typeof key !== 'string' || !STORED_FILE_KEY.test(key)) return null;
  const root = path.resolve(dir);
  const resolved = path.resolve(root, key);
  if (path.dirname(resolved) !== root) return null;
  return resolved;
}
