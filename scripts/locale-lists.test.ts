/**
 * Languages are data (docs/adr/0022-locales-as-data.md): the locales configured in Strapi's i18n
 * are the only list. This test reads the source of the plugins, the CMS and the site and fails on
 * a hard-coded list of locale codes (`['en', 'de']`, `'en' | 'de'`, `"enum": ["en", "de"]`) or a
 * branch on one code (`locale === 'de'`). Tests, the site's message files (one file per locale,
 * src/messages/) and the admin translation files (translations/<locale>.json) are not code that
 * lists locales, and are left out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

// ISO 639-1 codes of languages a European B2B site is likely to name, and a few more; 2-letter
// codes that are also common English words or identifiers (it, no, id, to…) are left out.
const CODES = 'en|de|fr|es|nl|pl|pt|sv|da|fi|nb|cs|sk|hu|ro|bg|el|hr|sl|et|lv|lt|ru|uk|tr|ar|he|ja|zh|ko';
const CODE = `(?:${CODES})(?:-[A-Za-z0-9]{2,8})?`;
const QUOTED = `(['"\`])${CODE}\\1`;
const PATTERNS: Array<{ name: string; pattern: RegExp }> = [
  // two quoted codes next to each other in a list, a union type or an enum
  { name: 'a list of locale codes', pattern: new RegExp(`${QUOTED}\\s*[,|]\\s*(['"\`])${CODE}\\2`) },
  // code that branches on one language
  { name: 'a comparison with one locale code', pattern: new RegExp(`[!=]==?\\s*${QUOTED}`) },
];

export interface Finding {
  line: number;
  text: string;
  rule: string;
}

/** Hard-coded locale lists in one file's text. */
export function findLocaleLists(source: string): Finding[] {
  const findings: Finding[] = [];
  source.split('\n').forEach((text, index) => {
    const code = text
      .replace(/\/\*.*?\*\//g, '')
      .replace(/\/\/.*$/, '')
      .replace(/^\s*(\/\*\*?|\*).*$/, '');
    for (const { name, pattern } of PATTERNS)
      if (pattern.test(code)) findings.push({ line: index + 1, text: text.trim(), rule: name });
  });
  return findings;
}

const SCANNED = [/^plugins\/[^/]+\/server\/src\//, /^plugins\/[^/]+\/admin\/src\//, /^cms\/src\//, /^site\/src\//];
const SKIPPED = [/\.test\.[cm]?[jt]sx?$/, /^site\/src\/messages\//, /\/translations\/[^/]+\.json$/];
const EXTENSIONS = /\.(ts|tsx|mjs|js|astro|json)$/;
/** Files that name codes of another system, with the reason; keep this list short. */
const ALLOWED: Record<string, string> = {
  // Odoo's res.lang codes (languages installed in Odoo), not our locales: mapping a locale to an
  // Odoo language Odoo may not have installed is the odoo-sync plugin's decision (see the ADR).
  'plugins/odoo-sync/server/src/domain/mapping.ts': "Odoo's installed languages",
};

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) sourceFiles(relative, found);
    else if (
      EXTENSIONS.test(entry.name) &&
      SCANNED.some((pattern) => pattern.test(relative)) &&
      !SKIPPED.some((pattern) => pattern.test(relative)) &&
      !ALLOWED[relative]
    )
      found.push(relative);
  }
  return found;
}

describe('findLocaleLists', () => {
  it.each([
    ["export const LOCALES = ['en', 'de'] as const;", 'a list of locale codes'],
    ["locale: yup.string().oneOf(['en','de','fr'])", 'a list of locale codes'],
    ["type Locale = 'en' | 'de';", 'a list of locale codes'],
    ['"language": { "type": "enumeration", "enum": ["en", "de"] }', 'a list of locale codes'],
    ["const locale = request.locale === 'de' ? 'de' : 'en';", 'a comparison with one locale code'],
    ["{lang === 'pt-BR' ? 'Olá' : 'Hello'}", 'a comparison with one locale code'],
  ])('finds %s', (line, rule) => {
    expect(findLocaleLists(line).map((finding) => finding.rule)).toContain(rule);
  });

  it.each([
    "const { codes } = await strapi.plugin('leads').service('locales').list();",
    "export const SOURCE_LOCALE = 'en';",
    "const copy = { en: { hello: 'Hello' }, de: { hello: 'Hallo' } };",
    "['id', 'documentId', 'status']",
    "// e.g. ['en', 'de'] in a comment",
    " * `'en' | 'de'` in a doc comment",
    '/** A tag such as `fr`, `pt-BR`, `zh-Hans`. */',
    "if (range.locale !== 'all') query.andWhere('locale', range.locale);",
  ])('leaves %s alone', (line) => {
    expect(findLocaleLists(line)).toEqual([]);
  });
});

describe('the source', () => {
  it('names no hard-coded locale list: the locales come from Strapi i18n (docs/adr/0022-locales-as-data.md)', () => {
    const files = ['plugins', 'cms/src', 'site/src'].flatMap((dir) => sourceFiles(dir));
    expect(files.length).toBeGreaterThan(100);
    const findings = files.flatMap((file) =>
      findLocaleLists(fs.readFileSync(path.join(ROOT, file), 'utf8')).map(
        (finding) => `${file}:${finding.line} ${finding.rule}: ${finding.text}`,
      ),
    );
    expect(
      findings,
      'read the configured locales through the leads `locales` service (server) or lib/locales.ts (site) instead',
    ).toEqual([]);
  });
});
