import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { clientIp } from './http';

/** Logs this user into the admin in this page and waits for the home page. */
export async function loginAs(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${inject('cmsUrl')}/admin/auth/login`);
  await page.fill('input[name="email"]', user.email);
  await page.fill('input[name="password"]', user.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/);
}

/** Logs the seeded super admin into the admin in this page and waits for the home page. */
export async function loginToAdmin(page: Page): Promise<void> {
  await loginAs(page, { email: inject('adminEmail'), password: inject('adminPassword') });
}

/**
 * A new browser context (a wide window, its own client IP for the login rate limit) with one page
 * where this user is logged in to the admin.
 */
export async function adminSession(
  browser: Browser,
  user: { email: string; password: string },
  options: { acceptDownloads?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    extraHTTPHeaders: { 'X-Forwarded-For': clientIp() },
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await loginAs(page, user);
  return { context, page };
}
