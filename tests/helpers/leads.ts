import crypto from 'node:crypto';

/** A fresh address per call, so rate limits and rows of one test never touch another's. */
export function uniqueEmail(label: string): string {
  return `${label}-${crypto.randomBytes(4).toString('hex')}@example.com`;
}

/** A valid contact-form body; override any field. */
export function submission(overrides: Record<string, unknown> = {}) {
  return {
    email: uniqueEmail('lead'),
    firstName: 'Grace',
    lastName: 'Hopper',
    company: 'Compilers Inc',
    locale: 'en',
    message: 'Hello, we would like a demo of the lead pipeline.',
    consent: { dataProcessing: true, marketingEmail: false, textVersion: 'contact-2026-11' },
    ...overrides,
  };
}

/**
 * A contact who confirmed the address (double opt-in), written straight into the database as the
 * confirmation would leave it. Returns the document id.
 */
export async function confirmedContact(
  email: string,
  fields: { firstName?: string; lastName?: string; company?: string; jobTitle?: string; phone?: string } = {},
): Promise<string> {
  const { rows } = await import('./db');
  const documentId = crypto
    .randomBytes(12)
    .toString('hex')
    .slice(0, 24)
    .replace(/^[0-9]/, 'c');
  await rows(
    `insert into leads_contacts (document_id, email, first_name, last_name, company, job_title, phone, status, confirmed_at, language, created_at, updated_at, published_at)
     values ($1, $2, $3, $4, $5, $6, $7, 'confirmed', now(), 'en', now(), now(), now())`,
    [
      documentId,
      email,
      fields.firstName ?? null,
      fields.lastName ?? null,
      fields.company ?? null,
      fields.jobTitle ?? null,
      fields.phone ?? null,
    ],
  );
  return documentId;
}
