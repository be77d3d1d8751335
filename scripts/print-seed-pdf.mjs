#!/usr/bin/env node
/**
 * Prints the demo whitepaper (database/seed/whitepapers/*.html) to the PDF the seed stores, with
 * the Chromium the e2e tests use. Run it after editing the HTML and commit both files: the seed
 * itself needs no PDF library at run time.
 *   node scripts/print-seed-pdf.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT } from './lib/paths.mjs';

const dir = path.join(ROOT, 'database', 'seed', 'whitepapers');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.html'))) {
    await page.goto(pathToFileURL(path.join(dir, file)).href);
    const target = path.join(dir, file.replace(/\.html$/, '.pdf'));
    await page.pdf({ path: target, format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true });
    console.log(`${path.relative(ROOT, target)} (${fs.statSync(target).size} bytes)`);
  }
} finally {
  await browser.close();
}
