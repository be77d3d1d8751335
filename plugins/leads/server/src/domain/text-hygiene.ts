/**
 * Input hygiene for every public text: PostgreSQL refuses NUL in text and jsonb (a 500 and a lost
 * lead), other C0 controls have no business in a name or a message (terminal and log tricks), and
 * a lone UTF-16 surrogate is not text at all (the driver would silently turn it into U+FFFD).
 * Tab, line feed and carriage return stay: a message has lines, and CRLF is how many clients send them.
 */

// C0 controls except \t (09), \n (0A) and \r (0D). DEL and C1 controls are not refused: PostgreSQL
// stores them and the rule the issue asks for is about C0.
// eslint-disable-next-line no-control-regex -- matching C0 control characters is this regex's purpose
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one (code units,
// no `u` flag on purpose). String.prototype.isWellFormed is ES2024, beyond our TypeScript lib.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextFault = 'control-character' | 'lone-surrogate';

export function textFault(value: string): TextFault | null {
  if (FORBIDDEN_CONTROL.test(value)) return 'control-character';
  if (LONE_SURROGATE.test(value)) return 'lone-surrogate';
  return null;
}

export interface TextProblem {
  path: string[];
  message: string;
}

const MESSAGES: Record<TextFault, (where: string) => string> = {
  'control-character': (where) => `${where} must not contain control characters`,
  'lone-surrogate': (where) => `${where} must be valid Unicode text`,
};

/** A path segment from the client, safe to put into an error (no markup, bounded). */
export const safePathSegment = (key: string) => key.replace(/[^\w.$-]/g, '?').slice(0, 60) || '?';

export const textProblemMessage = (fault: TextFault, path: string[]) => MESSAGES[fault](path.join('.') || 'value');

/**
 * Every string in a parsed JSON body (values and keys, at any depth), checked and normalised to
 * NFC, so "é" typed as e + combining accent and "é" are the same name. Returns the cleaned copy
 * and the problems with the path of each field.
 */
export function cleanTexts(value: unknown, path: string[] = []): { value: unknown; problems: TextProblem[] } {
  if (typeof value === 'string') {
    const fault = textFault(value);
    return fault
      ? { value, problems: [{ path, message: textProblemMessage(fault, path) }] }
      : { value: value.normalize('NFC'), problems: [] };
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => cleanTexts(item, [...path, String(index)]));
    return { value: items.map((item) => item.value), problems: items.flatMap((item) => item.problems) };
  }
  if (value === null || typeof value !== 'object') return { value, problems: [] };
  const problems: TextProblem[] = [];
  const cleaned: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const keyFault = textFault(key);
    if (keyFault) {
      const where = [...path, safePathSegment(key)];
      problems.push({ path: where, message: textProblemMessage(keyFault, where) });
      continue;
    }
    // the path names the field in the answer: keys from the client are made safe to echo
    const result = cleanTexts(child, [...path, safePathSegment(key)]);
    problems.push(...result.problems);
    // defineProperty: a "__proto__" key stays an own key instead of setting the prototype
    Object.defineProperty(cleaned, key, { value: result.value, enumerable: true, writable: true, configurable: true });
  }
  return { value: cleaned, problems };
}
