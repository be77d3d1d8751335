import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSite } from './search-index.mjs';

const page = (lang: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><title>t</title></head><body><header>Navigation</header><main>${body}</main></body></html>`;

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function site(files: Record<string, string>) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'));
  for (const [file, html] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), html);
  }
}

describe('indexSite', () => {
  it('indexes only the marked pages, one index per language, with their type filter', async () => {
    site({
      'en/insights/scoring/index.html': page(
        'en',
        '<article data-pagefind-body data-pagefind-filter="type:article"><h1>Lead scoring</h1><p>Zebrafish</p></article>',
      ),
      'de/insights/scoring/index.html': page(
        'de',
        '<article data-pagefind-body data-pagefind-filter="type:article"><h1>Lead-Scoring</h1><p>Zebrafisch</p></article>',
      ),
      'en/webinars/index.html': page('en', '<h1>All webinars</h1>'),
    });

    expect(await indexSite(dir)).toBe(3); // files read; the list page has no data-pagefind-body

    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(['de', 'en']);
    expect(entry.languages.en.page_count).toBe(1);
    expect(entry.languages.de.page_count).toBe(1);
    expect(fs.existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'pagefind', 'filter')).length).toBeGreaterThan(0);
  });
});
