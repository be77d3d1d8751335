/**
 * A regular expression, valid in PostgreSQL (ARE, with `~*`) and JavaScript (flag `i`), that
 * finds `email` as a whole address inside any text (JSON, an email body, an error message): not
 * preceded by a character of an address's local part, not followed by one of its domain (a
 * full stop that ends a sentence is fine). The erase uses it so that erasing ann@example.com
 * never touches the deliveries of joann@example.com or ann@example.com.au.
 */
export function addressPattern(email: string): string {
  const escaped = email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `(?<![a-z0-9._%+-])${escaped}(?![a-z0-9-])(?!\\.[a-z0-9])`;
}
