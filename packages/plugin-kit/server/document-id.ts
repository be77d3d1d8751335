import { randomBytes } from 'node:crypto';

/** Strapi's document ids (cuid2): lowercase letters and digits; what public routes accept. */
export const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

/** A document id in Strapi's format for rows written with SQL: 24 lowercase letters and digits, starting with a letter. */
export function newDocumentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  let id = alphabet[bytes[0] % 26];
  for (let i = 1; i < 24; i++) id += alphabet[bytes[i] % alphabet.length];
  return id;
}

/** The attributes Strapi itself keeps on every document (ids, timestamps, authors, locale): never a plugin's data. */
export const STRAPI_MANAGED_FIELDS: readonly string[] = [
  ...['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt'],
  ...['createdBy', 'updatedBy', 'locale', 'localizations'],
];
