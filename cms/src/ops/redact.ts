/**
 * What must never reach a log line in clear: email addresses (personal data), tokens in URLs
 * (confirmation, unsubscribe, download, self-service links are capabilities), bearer tokens and
 * provider keys. Applied to every message and string field by the logger (config/logger.ts).
 */
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const URL_TOKEN = /([?&](?:token|code|key|signature|sig)=)[^\s&#"'<>]+/gi;
const PATH_TOKEN = /(\/(?:download|cancel|reschedule|manage|confirm|unsubscribe)\/)[^\s/?#"'<>]{16,}/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const SENDGRID_KEY = /\bSG\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]+)?/g;

/** `jane.doe@example.com` → `j***@example.com`: enough to tell cases apart, not to contact anyone. */
export const maskEmail = (email: string) => email.replace(EMAIL, '$1***@$2');

export function redact(text: string): string {
  return maskEmail(text)
    .replace(URL_TOKEN, '$1[redacted]')
    .replace(PATH_TOKEN, '$1[redacted]')
    .replace(BEARER, '$1 [redacted]')
    .replace(SENDGRID_KEY, 'SG.[redacted]');
}

/** Redacts every string inside a log record's fields (nested, bounded depth; other values kept). */
export function redactFields<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redact(value) as T;
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>))
    out[key] = redactFields(field, depth + 1);
  return out as T;
}

/** An IPv4 address without its last octet, an IPv6 one without its last 80 bits: coarse, not personal. */
export function maskIp(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  const v4 = ip.replace(/^::ffff:/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v4)) return v4.replace(/\.\d{1,3}$/, '.0');
  if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}::`;
  return undefined;
}
