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
    language: 'en',
    message: 'Hello, we would like a demo of the lead pipeline.',
    consent: { dataProcessing: true, marketingEmail: false, textVersion: 'contact-2026-11' },
    ...overrides,
  };
}
