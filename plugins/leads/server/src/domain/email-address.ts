/**
 * Email addresses as we store and compare them: trimmed and lowercased. Lowercasing the local
 * part is not RFC-correct in theory, but every provider our leads use treats it as
 * case-insensitive, and one contact per person matters more to sales than the theory.
 */
export const MAX_EMAIL_LENGTH = 254;

export function normaliseEmail(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

/** The domain part, for grouping and for the company guess of free-mail-less addresses. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at === -1 ? '' : email.slice(at + 1);
}

/** A stable pseudonym for logs and erased records: never the address itself. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  if (!domain) return '***';
  return `${local.slice(0, 1)}***@${domain}`;
}
