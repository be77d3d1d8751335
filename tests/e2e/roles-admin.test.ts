/**
 * The roles in Chromium, as the people they are for use the admin (issue 16):
 * - a marketing Editor schedules a webinar session, uploads a whitepaper's PDF and edits a host's
 *   weekly hours, and cannot open a contact;
 * - a Sales user opens a contact's timeline and exports it, and both reads are in the audit log.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { adminSession } from '../helpers/admin-browser';
import { launchBrowser } from '../helpers/browser';
import { api, clientIp } from '../helpers/http';
import { auth, superAdminToken } from '../helpers/content';
import { adminUser, type AdminUser } from '../helpers/admin-users';
import { rows } from '../helpers/db';
import { submission, uniqueEmail } from '../helpers/leads';

const PDF = path.join(__dirname, '..', 'fixtures', 'whitepaper.pdf');
const suffix = crypto.randomBytes(3).toString('hex');
let browser: Browser;

async function signIn(user: AdminUser): Promise<{ context: BrowserContext; page: Page; failures: string[] }> {
  const { context, page } = await adminSession(browser, user, { acceptDownloads: true });
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400 && /\/(webinars|whitepapers|booking|leads)\//.test(new URL(response.url()).pathname))
      failures.push(`${response.status()} ${response.url()}`);
  });
  return { context, page, failures };
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('a marketing Editor in the admin', () => {
  let editor: AdminUser;
  let page: Page;
  let failures: string[];
  const webinarTitle = `Roles E2E Webinar ${suffix}`;
  const paperTitle = `Roles E2E Paper ${suffix}`;
  let paper = '';
  let session = '';

  beforeAll(async () => {
    // the content exists (written in the Content Manager); the plugin pages are what is tested
    const superToken = await superAdminToken();
    const webinar = await api('/webinars/webinars', {
      method: 'POST',
      ip: clientIp(),
      headers: auth(superToken),
      json: { title: webinarTitle, slug: `roles-e2e-${suffix}`, publish: true },
    });
    expect(webinar.status).toBe(201);
    const created = await api('/whitepapers/papers', {
      method: 'POST',
      ip: clientIp(),
      headers: auth(superToken),
      json: {
        title: paperTitle,
        slug: `roles-e2e-paper-${suffix}`,
        summary: 'For the roles test.',
        pageCount: 4,
        topics: ['sales'],
        publish: true,
      },
    });
    expect(created.status).toBe(201);
    paper = created.body.data.documentId;
    editor = await adminUser('Editor');
    ({ page, failures } = await signIn(editor));
  }, 60_000);

  it('sees Webinars, Whitepapers and Booking in the menu, and no Leads', async () => {
    await page.locator('nav a[href$="/plugins/webinars"]').waitFor();
    await page.locator('nav a[href$="/plugins/whitepapers"]').waitFor();
    await page.locator('nav a[href$="/plugins/booking"]').waitFor();
    expect(await page.locator('nav a[href$="/plugins/leads"]').count()).toBe(0);
  });

  it('schedules a webinar session', async () => {
    await page.click('nav a[href$="/plugins/webinars"]');
    await page.getByRole('heading', { name: 'Webinars', level: 1 }).waitFor();
    const card = page.locator('div', { has: page.getByRole('heading', { name: `${webinarTitle} (en)` }) }).last();
    await card.getByRole('button', { name: 'New session' }).click();
    const start = new Date(Date.now() + 10 * 86400e3);
    const local = `${start.toISOString().slice(0, 10)}T10:00`;
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Add session' }) });
    await form.getByLabel('Start (local time)').fill(local);
    await form.locator('input[name="capacity"]').fill('40');
    await form.getByRole('button', { name: 'Add session' }).click();
    // the session shows up under its webinar, with its seats
    await page.locator(`[role="meter"][aria-valuemax="40"]`).first().waitFor();
    const [created] = await rows<{ document_id: string; capacity: number }>(
      `select s.document_id, s.capacity from webinars_sessions s join webinars_webinars w on w.document_id = s.webinar where w.title = $1`,
      [webinarTitle],
    );
    expect(created?.capacity).toBe(40);
    session = created.document_id;
  });

  it('opens the session without the registrations of the people who signed up', async () => {
    await page.locator(`a[href$="/plugins/webinars/sessions/${session}"]`).first().click();
    await page.waitForURL(new RegExp(`/plugins/webinars/sessions/${session}`));
    await page.getByText('Seats', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Export registrations (CSV)' }).count()).toBe(0);
    expect(await page.getByLabel('Search', { exact: true }).count()).toBe(0);
  });

  it('uploads a whitepaper’s PDF', async () => {
    await page.goto(`${inject('cmsUrl')}/admin/plugins/whitepapers`);
    await page.getByRole('heading', { name: 'Whitepapers', level: 1 }).waitFor();
    await page.getByLabel(`PDF file for ${paperTitle} (en)`).setInputFiles(PDF);
    await page.getByText('PDF uploaded').waitFor();
    const [stored] = await rows<{ file_name: string | null; file_size: number | null }>(
      'select file_name, file_size from whitepapers_whitepapers where document_id = $1 limit 1',
      [paper],
    );
    expect(stored.file_name).toBe('whitepaper.pdf');
    expect(Number(stored.file_size)).toBe(fs.statSync(PDF).size);
    // counts yes, the people behind them no
    await page.getByRole('link', { name: paperTitle }).first().click();
    await page.getByRole('heading', { name: 'Whitepaper requests and downloads' }).waitFor();
    expect(await page.getByRole('button', { name: 'Export leads (CSV)' }).count()).toBe(0);
  });

  it('edits a host’s weekly hours', async () => {
    await page.click('nav a[href$="/plugins/booking"]');
    // bookings are personal data: the Editor lands on the schedules
    await page.getByRole('heading', { name: 'Schedules', level: 1 }).waitFor();
    const before = await api('/booking/hosts', { headers: auth(editor.token) });
    const host = before.body.data[0];
    const saturday = (host.weeklyHours.sat ?? []).length;
    await page.getByRole('button', { name: 'Add interval' }).nth(5).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Schedule saved; slots follow at once.').waitFor();
    const after = await api('/booking/hosts', { headers: auth(editor.token) });
    expect(after.body.data.find((item: any) => item.documentId === host.documentId).weeklyHours.sat).toHaveLength(
      saturday + 1,
    );
    // put the seeded hours back for the other tests
    await api(`/booking/hosts/${host.documentId}/schedule`, {
      method: 'PUT',
      headers: auth(editor.token),
      json: { timeZone: host.timeZone, weeklyHours: host.weeklyHours, dateOverrides: host.dateOverrides ?? [] },
    });
  });

  it('cannot open a contact', async () => {
    const email = uniqueEmail('editor-cannot');
    expect(
      (await api('/api/leads/submissions', { method: 'POST', ip: clientIp(), json: submission({ email }) })).status,
    ).toBe(201);
    const [contact] = await rows<{ document_id: string }>('select document_id from leads_contacts where email = $1', [
      email,
    ]);
    failures.length = 0;
    await page.goto(`${inject('cmsUrl')}/admin/plugins/leads/contacts/${contact.document_id}`);
    await page.getByText("You don't have the permissions to access that content").first().waitFor();
    expect(await page.getByText(email).count()).toBe(0);
    // and the API behind it says no as well
    expect((await api(`/leads/contacts/${contact.document_id}`, { headers: auth(editor.token) })).status).toBe(403);
  });
});

describe('a Sales user in the admin', () => {
  it('opens a contact’s timeline and exports it, and both reads are audited', async () => {
    const sales = await adminUser('Sales');
    const email = uniqueEmail('sales-e2e');
    expect(
      (
        await api('/api/leads/submissions', {
          method: 'POST',
          ip: clientIp(),
          json: submission({ email, firstName: 'Ada' }),
        })
      ).status,
    ).toBe(201);
    const [contact] = await rows<{ document_id: string }>('select document_id from leads_contacts where email = $1', [
      email,
    ]);

    const { page, failures } = await signIn(sales);
    await page.click('nav a[href$="/plugins/leads"]');
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    // other tests write many contacts (some dated in the future, so ours is not on the first
    // page): the list filtered by its search, as a colleague would look the person up
    await page.goto(`${inject('cmsUrl')}/admin/plugins/leads?_q=${encodeURIComponent(email)}`);
    await page.getByText(email).first().click();
    await page.waitForURL(new RegExp(`/plugins/leads/contacts/${contact.document_id}`));
    await page.getByText('Activity', { exact: true }).first().waitFor();
    await page.getByText('Consents', { exact: true }).first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`contact-${contact.document_id}.json`);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(exported.contact.email).toBe(email);
    expect(await page.getByRole('button', { name: 'Erase' }).count()).toBe(0);

    const audited = await rows<{ action: string }>(
      'select action from leads_audit_logs where actor_email = $1 and subject_id = $2 order by id',
      [sales.email, contact.document_id],
    );
    expect(audited.map((row) => row.action)).toEqual(['contact.view', 'contact.export']);
    expect(failures).toEqual([]);
  }, 60_000);
});
