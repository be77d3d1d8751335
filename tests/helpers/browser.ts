import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Debian's Chromium, never a downloaded browser. The background-networking flags matter here:
 * without them Chromium keeps trying Google's hosts on a machine with no internet.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (see README)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Logs the seeded super admin into the admin in this page and waits for the home page. */
export async function loginToAdmin(page: Page): Promise<void> {
  await page.goto(`${inject('cmsUrl')}/admin/auth/login`);
  await page.fill('input[name="email"]', inject('adminEmail'));
  await page.fill('input[name="password"]', inject('adminPassword'));
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/);
}
