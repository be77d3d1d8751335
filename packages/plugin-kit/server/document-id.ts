import { randomBytes } from 'node:crypto';

/** Strapi's document ids (cuid2): lowercase letters and digits; what public routes accept. */
export const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

const ID_LENGTH = 24;
// Random bytes for 256 ids at a time: one `randomBytes(24)` per id was 2.3 % of the CPU of a lead
// submission (four ids each; docs/adr/0025, "Lead submission"). Still the CSPRNG's bytes, each used once.
const POOL_BYTES = ID_LENGTH * 256;
let pool = Buffer.alloc(0);
let used = 0;

function nextRandomBytes(): Buffer {
  if (used + ID_LENGTH > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  const bytes = pool.subarray(used, used + ID_LENGTH);
  used += ID_LENGTH;
  return bytes;
}

/** A document id in Strapi's format for rows written with SQL: 24 lowercase letters and digits, starting with a letter. */
export function newDocumentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = nextRandomBytes();
  let id = alphabet[bytes[0] % 26];
  for (let i = 1; i < ID_LENGTH; i++) id += alphabet[bytes[i] % alphabet.length];
  return id;
}

/** The attributes Strapi itself keeps on every document (ids, timestamps, authors, locale): never a plugin's data. */
export const STRAPI_MANAGED_FIELDS: readonly string[] = [
  ...['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt'],
  ...['createdBy', 'updatedBy', 'locale', 'localizations'],
];
