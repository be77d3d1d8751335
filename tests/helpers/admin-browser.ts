import type { Page } from 'playwright-core';
import { inject } from 'vitest';

/** Logs the seeded super admin into the admin in this page and waits for the home page. */
export async function loginToAdmin(page: Page): Promise<void> {
  await page.goto(`${inject('cmsUrl')}/admin/auth/login`);
  await page.fill('input[name="email"]', inject('adminEmail'));
  await page.fill('input[name="password"]', inject('adminPassword'));
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/);
}
