/**
 * Whitepapers against the real CMS: a gated PDF reaches a visitor only through the signed,
 * expiring link from the email; the request is a lead on the leads core (and an Odoo lead).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signDownloadToken, verifyDownloadToken } from '../../plugins/whitepapers/server/src/domain/tokens';
import { adminToken, api, clientIp } from '../helpers/http';
import { count, rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { uniqueEmail } from '../helpers/leads';
import { fakeSendGrid } from '../fakes/sendgrid-client';
import { fakeOdoo } from '../fakes/odoo-client';

const PDF = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'whitepaper.pdf'));
const PDF_SHA256 = crypto.createHash('sha256').update(PDF).digest('hex');
const suffix = crypto.randomBytes(3).toString('hex');

let token: string;
const gated = { documentId: '', title: `Pipeline Basics ${suffix}`, slug: `pipeline-basics-${suffix}` };
const open = { documentId: '', title: `Open Guide ${suffix}`, slug: `open-guide-${suffix}` };

const asAdmin = (init: RequestInit & { json?: unknown } = {}) => ({
  ...init,
  ip: clientIp(),
  headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
});

async function createPaper(paper: { title: string; slug: string }, extra: Record<string, unknown>) {
  const created = await api(
    '/whitepapers/papers',
    asAdmin({
      method: 'POST',
      json: {
        title: paper.title,
        slug: paper.slug,
        summary: 'What a pipeline needs.',
        pageCount: 12,
        topics: ['sales'],
        publish: true,
        ...extra,
      },
    }),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data.documentId as string;
}

async function uploadFile(documentId: string, bytes: Buffer, fileName: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
  return api(`/whitepapers/papers/${documentId}/file`, asAdmin({ method: 'POST', body: form }));
}

const requestBody = (overrides: Record<string, unknown> = {}) => ({
  whitepaper: gated.documentId,
  locale: 'en',
  email: uniqueEmail('paper'),
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Engines Ltd',
  consent: { dataProcessing: true, textVersion: 'whitepaper-2026-11' },
  utm: { source: 'linkedin', medium: 'social', campaign: 'pipeline' },
  ...overrides,
});

const requestPaper = (body: Record<string, unknown>) =>
  api('/api/whitepapers/requests', { method: 'POST', ip: clientIp(), json: body });

/** The download link in the whitepaper email sent to `email`. */
async function linkFor(email: string, nth = 1): Promise<string> {
  const messages = await eventually(
    async () => {
      const sent = (await fakeSendGrid.to(email)).filter(
        (message) => message.body.custom_args?.template === 'whitepaper-download',
      );
      return sent.length >= nth && sent;
    },
    { what: `whitepaper email ${nth} to ${email}` },
  );
  const text = messages[nth - 1].body.content.find((part: any) => part.type === 'text/plain').value as string;
  const match = text.match(/https?:\/\/[^\s"<>]+\/api\/whitepapers\/download\/[A-Za-z0-9_\-.%]+/);
  if (!match) throw new Error(`no download link in: ${text}`);
  return match[0];
}

/** GET an absolute link with raw bytes. */
async function fetchLink(url: string, accept = 'application/json') {
  const response = await fetch(url, {
    headers: { Accept: accept, 'X-Forwarded-For': clientIp() },
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const tokenOf = (url: string) => decodeURIComponent(url.split('/download/')[1]);
const downloadRow = (documentIdOfPaper: string, contact: string) =>
  rows(`select * from whitepapers_downloads where whitepaper = $1 and contact = $2 order by id`, [
    documentIdOfPaper,
    contact,
  ]);

beforeAll(async () => {
  // an earlier file may have left the fake Odoo down or flaky
  await fakeOdoo.clear();
  token = await adminToken();
  gated.documentId = await createPaper(gated, { gated: true, requiredFields: ['company'] });
  const upload = await uploadFile(gated.documentId, PDF, 'Pipeline Basics.pdf');
  expect(upload.status, JSON.stringify(upload.body)).toBe(200);
  open.documentId = await createPaper(open, { gated: false });
  expect((await uploadFile(open.documentId, PDF, 'Open Guide.pdf')).status).toBe(200);
});

describe('whitepapers: publishing', () => {
  it('refuses an upload that is not a PDF by its content, whatever its name', async () => {
    const response = await uploadFile(
      gated.documentId,
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      'evil.pdf',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
  });

  it('refuses uploads and stats without an admin token', async () => {
    expect((await api(`/whitepapers/papers/${gated.documentId}/stats`, { ip: clientIp() })).status).toBe(401);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), 'x.pdf');
    expect(
      (await api(`/whitepapers/papers/${gated.documentId}/file`, { method: 'POST', ip: clientIp(), body: form }))
        .status,
    ).toBe(401);
  });

  it('lists and shows a gated paper without any file location, and an open one with its file URL', async () => {
    const list = await api('/api/whitepapers/papers?locale=en', { ip: clientIp() });
    expect(list.status).toBe(200);
    const listed = list.body.data.find((paper: any) => paper.documentId === gated.documentId);
    expect(listed).toMatchObject({
      title: gated.title,
      slug: gated.slug,
      gated: true,
      fileUrl: null,
      requiredFields: ['company'],
      pageCount: 12,
      topics: ['sales'],
    });
    const serialised = JSON.stringify(list.body);
    expect(serialised).not.toContain(PDF_SHA256);
    expect(serialised).not.toContain('fileKey');

    const detail = await api(`/api/whitepapers/papers/${gated.slug}?locale=en`, { ip: clientIp() });
    expect(detail.status).toBe(200);
    expect(detail.body.data).toMatchObject({ documentId: gated.documentId, gated: true, fileUrl: null });
    expect(JSON.stringify(detail.body)).not.toContain(PDF_SHA256);

    const openDetail = await api(`/api/whitepapers/papers/${open.slug}?locale=en`, { ip: clientIp() });
    expect(openDetail.body.data.fileUrl).toMatch(new RegExp(`/api/whitepapers/papers/${open.slug}/file`));
    const file = await fetchLink(openDetail.body.data.fileUrl, 'application/pdf');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.bytes.equals(PDF)).toBe(true);
  });

  it('does not serve a gated paper by its public file route', async () => {
    const response = await api(`/api/whitepapers/papers/${gated.slug}/file?locale=en`, { ip: clientIp() });
    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('ForbiddenError');
  });

  it('keeps the gated file out of /uploads and the media library', async () => {
    // the file exists, in the private folder of this run
    expect(fs.readFileSync(path.join(inject('whitepapersDir'), `${PDF_SHA256}.pdf`)).equals(PDF)).toBe(true);
    for (const guess of [
      `/uploads/${PDF_SHA256}.pdf`,
      '/uploads/Pipeline Basics.pdf',
      '/uploads/Pipeline_Basics.pdf',
      `/private/whitepapers/${PDF_SHA256}.pdf`,
      `/whitepapers/${PDF_SHA256}.pdf`,
    ]) {
      const response = await fetchLink(`${inject('cmsUrl')}${encodeURI(guess)}`, '*/*');
      expect(response.status, guess).toBe(404);
      expect(response.bytes.includes(PDF)).toBe(false);
    }
    // media API, public and admin: the upload plugin never saw the file
    const publicMedia = await api('/api/upload/files', { ip: clientIp() });
    expect(JSON.stringify(publicMedia.body ?? '')).not.toMatch(/Pipeline Basics|\.pdf/);
    const adminMedia = await api('/upload/files?pageSize=100', asAdmin());
    expect(adminMedia.status).toBe(200);
    const files = adminMedia.body.results ?? adminMedia.body.data ?? [];
    expect(files.filter((file: any) => file.ext === '.pdf' || file.mime === 'application/pdf')).toEqual([]);
    expect(await count(`select count(*) from files where mime = 'application/pdf'`)).toBe(0);
  });
});

describe('whitepapers: requests and downloads', () => {
  it("validates the request, including the paper's own required fields and unknown fields", async () => {
    const missingCompany = await requestPaper(requestBody({ company: '' }));
    expect(missingCompany.status).toBe(400);
    expect(missingCompany.body.error.message).toContain('company');
    expect((await requestPaper(requestBody({ isAdmin: true }))).status).toBe(400);
    expect((await requestPaper(requestBody({ consent: { dataProcessing: false, textVersion: 'v' } }))).status).toBe(
      400,
    );
    expect((await requestPaper(requestBody({ whitepaper: 'doesnotexist1234567890ab' }))).status).toBe(404);
  });

  it('emails a signed link that downloads the exact bytes and counts each download', async () => {
    const email = uniqueEmail('download');
    const answer = await requestPaper(requestBody({ email }));
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ data: { received: true } });

    const link = await linkFor(email);
    const claims = verifyDownloadToken(tokenOf(link), inject('whitepapersTokenSecret'));
    expect(claims.ok).toBe(true);

    const first = await fetchLink(link, 'application/pdf');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="Pipeline Basics\.pdf"/);
    expect(first.headers.get('cache-control')).toContain('no-store');
    expect(first.bytes.equals(PDF)).toBe(true);

    const [contact] = await rows(`select document_id from leads_contacts where email = $1`, [email]);
    const [afterFirst] = await downloadRow(gated.documentId, contact.document_id);
    expect(afterFirst.download_count).toBe(1);
    expect(afterFirst.first_downloaded_at).not.toBeNull();
    expect(afterFirst.token_hash).toBe(crypto.createHash('sha256').update(tokenOf(link)).digest('hex'));
    expect(afterFirst.utm_source).toBe('linkedin');

    expect((await fetchLink(link, 'application/pdf')).bytes.equals(PDF)).toBe(true);
    const [afterSecond] = await downloadRow(gated.documentId, contact.document_id);
    expect(afterSecond.download_count).toBe(2);
    expect(new Date(afterSecond.first_downloaded_at).getTime()).toBe(
      new Date(afterFirst.first_downloaded_at).getTime(),
    );
    expect(new Date(afterSecond.last_downloaded_at).getTime()).toBeGreaterThanOrEqual(
      new Date(afterFirst.last_downloaded_at).getTime(),
    );

    // the email log in the admin keeps no usable link
    const logged = await eventually(
      async () =>
        (await rows(`select text from leads_emails where "to" = $1 and template = 'whitepaper-download'`, [email]))[0],
      { what: 'the email log row' },
    );
    expect(logged.text).toContain('/download/[redacted]');
    expect(logged.text).not.toContain(tokenOf(link));
  });

  it('answers 410 to the same link once it has expired, with a page offering a new link to browsers', async () => {
    const email = uniqueEmail('expired');
    await requestPaper(requestBody({ email }));
    const link = await linkFor(email);
    const verdict = verifyDownloadToken(tokenOf(link), inject('whitepapersTokenSecret'));
    if (!verdict.ok) throw new Error('link from the email does not verify');
    const { c, w, d } = verdict.claims;
    const expired = signDownloadToken(
      { contact: c, whitepaper: w, download: d, expiresAt: new Date(Date.now() - 1000) },
      inject('whitepapersTokenSecret'),
    );
    const expiredUrl = link.replace(/\/download\/.+$/, `/download/${expired}`);

    const json = await api(new URL(expiredUrl).pathname, { ip: clientIp() });
    expect(json.status).toBe(410);
    expect(json.body).toMatchObject({ data: null, error: { status: 410, message: 'This download link has expired' } });

    const page = await fetchLink(expiredUrl, 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(page.status).toBe(410);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = page.bytes.toString('utf8');
    expect(html).toContain('expired');
    expect(html).toContain(`/en/whitepapers/${gated.slug}`);
    expect(page.bytes.includes(PDF)).toBe(false);
  });

  it("answers 403 to a modified link (signature or claims), in Strapi's error format or as a page", async () => {
    const email = uniqueEmail('tamper');
    await requestPaper(requestBody({ email }));
    const link = await linkFor(email);
    const [claims, signature] = tokenOf(link).split('.');
    const flipped = `${claims}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const otherContact = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), c: 'someoneelse0000000000000' }),
    ).toString('base64url');

    for (const tampered of [flipped, `${otherContact}.${signature}`, 'garbage', `${claims}.`]) {
      const response = await api(`/api/whitepapers/download/${encodeURIComponent(tampered)}`, { ip: clientIp() });
      expect(response.status, tampered).toBe(403);
      expect(response.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
    }
    const page = await fetchLink(link.replace(/\/download\/.+$/, `/download/${flipped}`), 'text/html');
    expect(page.status).toBe(403);
    expect(page.bytes.toString('utf8')).toContain('Request a new link');
    // the real link still works
    expect((await fetchLink(link, 'application/pdf')).bytes.equals(PDF)).toBe(true);
  });

  it('reuses the contact when one email requests the same paper twice, with one link each', async () => {
    const email = uniqueEmail('twice');
    expect((await requestPaper(requestBody({ email }))).status).toBe(201);
    expect((await requestPaper(requestBody({ email, company: 'Engines Ltd (new)' }))).status).toBe(201);
    expect(await count(`select count(*) from leads_contacts where email = $1`, [email])).toBe(1);
    const [contact] = await rows(`select document_id, company from leads_contacts where email = $1`, [email]);
    const downloads = await downloadRow(gated.documentId, contact.document_id);
    expect(downloads).toHaveLength(2);
    const [first, second] = [await linkFor(email, 1), await linkFor(email, 2)];
    expect(first).not.toBe(second);
    for (const link of [first, second]) expect((await fetchLink(link, 'application/pdf')).bytes.equals(PDF)).toBe(true);
  });

  it('drops a request whose honeypot is filled with the same answer and no record', async () => {
    const email = uniqueEmail('bot');
    const answer = await requestPaper(requestBody({ email, website: 'http://spam.example' }));
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ data: { received: true } });
    expect(await count(`select count(*) from leads_contacts where email = $1`, [email])).toBe(0);
  });

  it('rate-limits requests per email across client addresses', async () => {
    const email = uniqueEmail('limit');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await requestPaper(requestBody({ email }))).status);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('turns the request into an Odoo lead tagged with the whitepaper', async () => {
    const email = uniqueEmail('odoo-paper');
    await requestPaper(requestBody({ email, company: `Paper Co ${suffix}` }));
    const lead = await eventually(
      async () => (await fakeOdoo.records('crm.lead')).find((record: any) => record.email_from === email),
      { timeoutMs: 20_000, what: 'the Odoo lead' },
    );
    expect(lead.name).toBe(`Whitepaper: ${gated.title}`);
    const tags = (await fakeOdoo.records('crm.tag'))
      .filter((tag: any) => lead.tag_ids.includes(tag.id))
      .map((tag: any) => tag.name);
    expect(tags.sort()).toEqual(['Whitepaper', `Whitepaper: ${gated.title}`].sort());
  });
});

describe('whitepapers: admin statistics', () => {
  it('reports requests, downloads, conversion and sources, and exports the leads as CSV', async () => {
    const stats = await api(`/whitepapers/papers/${gated.documentId}/stats`, asAdmin());
    expect(stats.status).toBe(200);
    const data = stats.body.data;
    const requests = await count(`select count(*) from whitepapers_downloads where whitepaper = $1`, [
      gated.documentId,
    ]);
    const converted = await count(
      `select count(*) from whitepapers_downloads where whitepaper = $1 and download_count > 0`,
      [gated.documentId],
    );
    expect(data.requests).toBe(requests);
    expect(data.converted).toBe(converted);
    expect(data.conversionRate).toBeCloseTo(converted / requests);
    expect(data.topSources[0]).toMatchObject({ source: 'linkedin', requests });
    expect(data.days.reduce((sum: number, day: any) => sum + day.requests, 0)).toBe(requests);

    const list = await api('/whitepapers/papers', asAdmin());
    expect(list.body.data.find((paper: any) => paper.documentId === gated.documentId).totals).toMatchObject({
      requests,
      converted,
    });

    const csv = await fetch(`${inject('cmsUrl')}/whitepapers/papers/${gated.documentId}/leads.csv`, {
      headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': clientIp() },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'requested_at,email,first_name,last_name,company,job_title,country,contact_status,language,downloads,first_downloaded_at,last_downloaded_at,utm_source,utm_medium,utm_campaign',
    );
    expect(lines).toHaveLength(requests + 1);
    expect(lines.filter((line) => /,download-[0-9a-f]+@example\.com,/.test(line))).toHaveLength(1);
  });
});
