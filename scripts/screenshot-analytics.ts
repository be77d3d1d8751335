/**
 * Screenshot of the lead analytics dashboard for the README: the built CMS (production) on a
 * scratch database with the analytics volume seed, the admin logged in in Debian's Chromium,
 * the dashboard for the last 12 months per week → docs/images/analytics-dashboard.png.
 *
 *   node scripts/screenshot-analytics.ts
 */
import path from 'node:path';
import pg from 'pg';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { ROOT } from './lib/paths.mjs';
import { seedAnalytics } from './seed-analytics.mjs';
import { log, startBenchCms } from './bench/lib/harness.ts';

const ADMIN_EMAIL = 'screenshot-admin@magnetiq.test';
const ADMIN_PASSWORD = 'Screenshot-Passw0rd!';
const day = (date: Date) => date.toISOString().slice(0, 10);

async function main() {
  const cms = await startBenchCms({
    name: 'screenshot',
    env: { ADMIN_EMAIL, ADMIN_PASSWORD, OUTBOX_WORKER: 'false', ODOO_STAGE_READBACK: 'false' },
  });
  const client = new pg.Client({ connectionString: cms.databaseUrl });
  await client.connect();
  const browser = await launchBrowser();
  try {
    const seeded = await seedAnalytics(client);
    log(`seeded ${seeded.activities} activities in ${seeded.ms} ms`);
    // tall enough for the whole dashboard: the admin scrolls inside its own container, so a
    // full-page screenshot would stop at the window's height
    const page = await browser.newPage({ viewport: { width: 1440, height: 2600 }, deviceScaleFactor: 1 });
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.fill('input[name="email"]', ADMIN_EMAIL);
    await page.fill('input[name="password"]', ADMIN_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/admin(?!\/auth)/, { timeout: 60_000 });
    const today = new Date();
    const query = `from=${day(new Date(today.getTime() - 364 * 86_400_000))}&to=${day(today)}&locale=all&interval=week`;
    await page.goto(`${cms.url}/admin/plugins/analytics?${query}`);
    await page.getByRole('heading', { name: 'Funnel (contacts)' }).waitFor({ timeout: 60_000 });
    await page.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 30_000 });
    // Strapi's "new Media Library" announcement is not part of our page
    await page
      .locator('button[aria-label="Close"], button:has-text("Close")')
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    const file = path.join(ROOT, 'docs', 'images', 'analytics-dashboard.png');
    await page.screenshot({ path: file });
    log(`saved ${path.relative(ROOT, file)}`);
  } finally {
    await browser.close();
    await client.end();
    await cms.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
