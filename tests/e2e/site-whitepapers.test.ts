/**
 * Whitepapers on the built site, in Chromium against the real CMS: the seeded paper (en and de,
 * its PDF in the private folder) has its pages and the contact pages' teasers link to it; an
 * editor publishes another paper (admin API, as the whitepapers admin page does), the site
 * rebuilds through its signed webhook receiver and serves the new build; a visitor requests the
 * seeded paper with the island, the email reaches the fake SendGrid and its link downloads the PDF.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { adminToken, api, clientIp } from '../helpers/http';
import { rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { uniqueEmail } from '../helpers/leads';
import { fakeSendGrid } from '../fakes/sendgrid-client';

const PDF = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'whitepaper.pdf'));
/** the demo whitepaper's PDF, as the seed stores it (database/seed/content.json) */
const SEEDED_PDF = fs.readFileSync(
  path.join(__dirname, '..', '..', 'database', 'seed', 'whitepapers', 'b2b-lead-generation-playbook.pdf'),
);
/** the seeded paper, the one the seeded whitepaper teasers (en and de contact pages) name */
const SLUG = 'b2b-lead-generation-playbook';
const papers = {
  en: { documentId: '', title: 'The B2B lead generation playbook' },
  de: { documentId: '', title: 'Das Playbook zur B2B-Leadgenerierung' },
};
/** published by the test after the site was built: on the site only through the rebuild */
const LATER = { slug: 'lead-scoring-field-guide', title: 'The lead scoring field guide' };

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function publishPaper(locale: 'en' | 'de', token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const created = await api('/whitepapers/papers', {
    method: 'POST',
    ip: clientIp(),
    headers,
    json: {
      locale,
      title: LATER.title,
      slug: LATER.slug,
      summary: 'Twelve pages on turning visits into pipeline.',
      pageCount: 12,
      topics: ['lead generation'],
      gated: true,
      requiredFields: ['company'],
      publish: true,
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'B2B Playbook.pdf');
  const upload = await api(`/whitepapers/papers/${created.body.data.documentId}/file`, {
    method: 'POST',
    ip: clientIp(),
    headers,
    body: form,
  });
  expect(upload.status, JSON.stringify(upload.body)).toBe(200);
  return created.body.data.documentId as string;
}

/** What the CMS sends on publish (docs/site-rebuild-webhook.md), signed with the receiver's secret. */
async function requestRebuild() {
  const before = (await (await fetch(inject('siteRebuildStatusUrl'))).json()).succeeded as number;
  const body = JSON.stringify({
    id: `site.rebuild:${crypto.randomUUID()}`,
    event: 'site.rebuild',
    sentAt: new Date().toISOString(),
    trigger: { uid: 'plugin::whitepapers.whitepaper', action: 'publish' },
  });
  const signature = `sha256=${crypto.createHmac('sha256', inject('siteRebuildSecret')).update(body).digest('hex')}`;
  const response = await fetch(inject('siteRebuildHookUrl'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Magnetiq-Signature': signature },
    body,
  });
  expect(response.status).toBe(202);
  await eventually(
    async () => {
      const status = await (await fetch(inject('siteRebuildStatusUrl'))).json();
      if (status.failed > 0) throw new Error(`site rebuild failed: ${status.lastError}`);
      return status.succeeded > before && !status.building;
    },
    { timeoutMs: 150_000, intervalMs: 500, what: 'the site rebuild' },
  );
}

/** The download link of the whitepaper email sent to `email`. */
async function downloadLinkFor(email: string): Promise<string> {
  const [message] = await eventually(
    async () => {
      const sent = (await fakeSendGrid.to(email)).filter(
        (candidate) => candidate.body.custom_args?.template === 'whitepaper-download',
      );
      return sent.length > 0 && sent;
    },
    { what: `the whitepaper email to ${email}` },
  );
  const text = message.body.content.find((part: any) => part.type === 'text/plain').value as string;
  const link = text.match(/https?:\/\/\S+\/api\/whitepapers\/download\/[A-Za-z0-9_\-.%]+/)?.[0];
  expect(link, text).toBeTruthy();
  return link!;
}

/** The form island hydrates when in view (client:visible); the paper's cover comes first. */
async function showForm() {
  await page.locator('form button[type="submit"]').scrollIntoViewIfNeeded();
  await page.locator('form button[type="submit"]:enabled').waitFor();
}

beforeAll(async () => {
  for (const locale of ['en', 'de'] as const) {
    const listed = (await api(`/api/whitepapers/papers?locale=${locale}`)).body.data;
    papers[locale].documentId = listed.find((paper: any) => paper.slug === SLUG)?.documentId;
    expect(papers[locale].documentId, `the seeded whitepaper in ${locale}`).toBeTruthy();
  }
  await publishPaper('en', await adminToken());
  await requestRebuild();
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('console', (message) => {
    // the deliberate 400 below is logged by Chromium as a failed resource
    if (message.type() === 'error' && !message.text().includes('400 (Bad Request)')) consoleErrors.push(message.text());
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe('whitepapers on the site', () => {
  it('lists the seeded paper and the one published later, and shows its page with SEO head, JSON-LD and a form asking for its required field', async () => {
    await page.goto(`${inject('siteUrl')}/en/whitepapers/`);
    expect(await page.locator('.whitepaper-card h2').allTextContents()).toEqual(
      expect.arrayContaining([papers.en.title, LATER.title]),
    );
    await page.click(`.whitepaper-card a:has-text("${papers.en.title}")`);
    await page.waitForURL(new RegExp(`/en/whitepapers/${SLUG}/$`));
    expect(await page.locator('h1').textContent()).toBe(papers.en.title);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(
      new RegExp(`/en/whitepapers/${SLUG}/$`),
    );
    const scripts = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) =>
      JSON.parse(text),
    );
    expect(scripts.find((data) => data['@type'] === 'DigitalDocument')).toMatchObject({
      name: papers.en.title,
      encodingFormat: 'application/pdf',
      inLanguage: 'en',
    });
    expect(scripts.find((data) => data['@type'] === 'BreadcrumbList').itemListElement).toHaveLength(3);
    // company is required by this paper: the label says so, and an empty company is refused in the browser
    const company = page.getByLabel('Company');
    expect(await company.getAttribute('aria-required')).toBe('true');
    expect(await page.getByLabel(/Last name/).getAttribute('aria-required')).toBeNull();

    const sitemap = await (await fetch(`${inject('siteUrl')}/sitemap.xml`)).text();
    expect(sitemap).toContain(`/en/whitepapers/${SLUG}/</loc>`);
    expect(sitemap).toContain(`/de/whitepapers/</loc>`);
  });

  it('links the seeded teaser to the paper in each locale', async () => {
    await page.goto(`${inject('siteUrl')}/de/kontakt/`);
    expect(await page.locator('[data-embed="whitepaper-teaser"] a').getAttribute('href')).toBe(
      `/de/whitepapers/${SLUG}/`,
    );
    await page.click('[data-embed="whitepaper-teaser"] a');
    await page.waitForURL(new RegExp(`/de/whitepapers/${SLUG}/$`));
    expect(await page.locator('h1').textContent()).toBe(papers.de.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
  });

  it('checks the fields in the browser before sending, with the message next to the field and focus on it', async () => {
    await page.goto(`${inject('siteUrl')}/en/whitepapers/${SLUG}/`);
    await showForm();
    await page.getByLabel('Work email').fill('not-an-email');
    await page.click('form button[type="submit"]');
    const email = page.getByLabel('Work email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await email.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('valid email address');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('email');
    expect(await page.getByLabel('Company').getAttribute('aria-invalid')).toBe('true');
  });

  it('requests the paper: the email arrives with a link that downloads the PDF, UTM and consent version are stored', async () => {
    const email = uniqueEmail('site-paper');
    await page.goto(
      `${inject('siteUrl')}/en/whitepapers/${SLUG}/?utm_source=newsletter&utm_medium=email&utm_campaign=playbook`,
    );
    await showForm();
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel(/First name/).fill('Ada');
    await page.getByLabel('Company').fill('Engines Ltd');
    await page.check('input[name="dataProcessing"]');
    const posted = page.waitForRequest((request) => request.url().endsWith('/api/whitepapers/requests'));
    await page.click('form button[type="submit"]');
    const body = (await posted).postDataJSON();
    expect(body).toMatchObject({
      whitepaper: papers.en.documentId,
      locale: 'en',
      email,
      company: 'Engines Ltd',
      utm: { source: 'newsletter', medium: 'email', campaign: 'playbook' },
      consent: { dataProcessing: true, marketingEmail: false, textVersion: 'whitepaper-form-2026-12' },
    });
    expect(body.website).toBeUndefined();
    await page.locator('[role="status"]').waitFor();
    expect(await page.locator('[role="status"]').textContent()).toContain('emailed you the download link');

    const link = await downloadLinkFor(email);
    const download = await page.request.get(link, { headers: { Accept: 'application/pdf' } });
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await download.body()).equals(SEEDED_PDF)).toBe(true);

    const [contact] = await rows(`select id, document_id, company from leads_contacts where email = $1`, [email]);
    expect(contact.company).toBe('Engines Ltd');
    const [record] = await rows(
      `select utm_source, utm_campaign, download_count from whitepapers_downloads where whitepaper = $1 and contact = $2`,
      [papers.en.documentId, contact.document_id],
    );
    expect(record).toMatchObject({ utm_source: 'newsletter', utm_campaign: 'playbook' });
    const consents = await rows(
      `select c.text_version from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id where l.contact_id = $1`,
      [contact.id],
    );
    expect(consents.map((consent) => consent.text_version)).toContain('whitepaper-form-2026-12');
  });

  it('shows an error from the server next to its field', async () => {
    // An editor made the last name required after the site was built: only the server knows.
    await rows(`update whitepapers_whitepapers set required_fields = $1 where document_id = $2`, [
      JSON.stringify(['company', 'lastName']),
      papers.en.documentId,
    ]);
    try {
      const email = uniqueEmail('site-paper-late');
      await page.goto(`${inject('siteUrl')}/en/whitepapers/${SLUG}/`);
      await showForm();
      await page.getByLabel('Work email').fill(email);
      await page.getByLabel('Company').fill('Engines Ltd');
      await page.check('input[name="dataProcessing"]');
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/whitepapers/requests'));
      await page.click('form button[type="submit"]');
      expect((await answered).status()).toBe(400);

      const lastName = page.getByLabel(/Last name/);
      await expect.poll(() => lastName.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await lastName.getAttribute('aria-describedby');
      // the site's own words for the server's code "required", not its English message
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Please fill in this field.');
      // focus moves in the next animation frame after the error renders
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name))
        .toBe('lastName');
      expect(await page.locator('[role="alert"]').textContent()).toContain('check the highlighted fields');
      expect(await rows(`select id from leads_contacts where email = $1`, [email])).toHaveLength(0);
      expect(consoleErrors).toEqual([]);
    } finally {
      // the seeded paper as it was, for the files after this one
      await rows(`update whitepapers_whitepapers set required_fields = $1 where document_id = $2`, [
        JSON.stringify(['company']),
        papers.en.documentId,
      ]);
    }
  });
});
