/**
 * The analytics plugin composes the other plugins' `sections()` and owns no SQL on their tables
 * (issue 23, docs/adr/0011-lead-analytics.md). This check reads every source file of the plugin
 * (server and admin) and fails on any other plugin's table name: the collection names of their
 * content types, and any name with a plugin's table prefix (`leads_`, `odoo_sync_`, …: link and
 * hand-made tables too). The server code must not reach for a database connection either.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PLUGINS = path.resolve(__dirname, '../../..');
const OWN = path.resolve(__dirname, '../..');

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist'].includes(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs|json)$/.test(entry.name) && full !== __filename ? [full] : [];
  });

const others = fs
  .readdirSync(PLUGINS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'analytics')
  .map((entry) => entry.name);

const collectionNames = others.flatMap((plugin) => {
  const dir = path.join(PLUGINS, plugin, 'server/src/content-types');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((type) => {
    const schema = path.join(dir, type, 'schema.json');
    if (!fs.existsSync(schema)) return [];
    return [(JSON.parse(fs.readFileSync(schema, 'utf8')) as { collectionName: string }).collectionName];
  });
});

/** `odoo-sync` → `odoo_sync_`: the prefix of every table a plugin makes. */
const prefixes = others.map((plugin) => `${plugin.replace(/-/g, '_')}_`);
const tableName = new RegExp(`\\b(${prefixes.join('|')})[a-z0-9_]+`, 'g');

describe('the analytics plugin reads no other plugin tables', () => {
  const files = sourceFiles(OWN).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));

  it('finds the other plugins and their tables to look for', () => {
    expect(others).toEqual(expect.arrayContaining(['leads', 'odoo-sync', 'whitepapers']));
    expect(collectionNames).toEqual(expect.arrayContaining(['leads_activities', 'leads_contacts', 'odoo_sync_links']));
    expect(files.length).toBeGreaterThan(10);
  });

  it('names no table of another plugin in any source file', () => {
    const found = files.flatMap(({ file, text }) => [
      ...collectionNames.filter((name) => text.includes(name)).map((name) => `${path.relative(OWN, file)}: ${name}`),
      ...[...text.matchAll(tableName)].map((match) => `${path.relative(OWN, file)}: ${match[0]}`),
    ]);
    expect([...new Set(found)]).toEqual([]);
  });

  it('runs no SQL of its own: no database connection in the server code', () => {
    const found = files
      .filter(({ file }) => file.includes(`${path.sep}server${path.sep}`))
      .filter(({ text }) => /strapi\.db\b|\.connection\b|\bknex\b/i.test(text))
      .map(({ file }) => path.relative(OWN, file));
    expect(found).toEqual([]);
  });
});
