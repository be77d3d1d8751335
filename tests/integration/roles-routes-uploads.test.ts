/**
 * Issue 16, attacks 4 to 6, as the issue tells them, through the admin's own HTTP API:
 * 4. the Editor can do marketing's work in the Webinars, Whitepapers and Booking pages without
 *    reading leads, and CRM staff have a Sales role;
 * 5. case and encoding do not get around the end-user account block or the admin login limit;
 * 6. the media library takes images, PDFs and videos by content only, and serves non-images as
 *    downloads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { api, clientIp } from '../helpers/http';
import { auth, contentManager, superAdminToken, uniqueSlug } from '../helpers/content';
import { adminUser, type AdminUser } from '../helpers/admin-users';
import { count, rows } from '../helpers/db';
import { submission, uniqueEmail } from '../helpers/leads';

const PDF = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'whitepaper.pdf'));
const JPEG = fs.readFileSync(path.join(__dirname, '..', '..', 'database', 'seed', 'images', 'author-1.jpg'));
const PNG = fs.readFileSync(path.join(__dirname, '..', '..', 'database', 'seed', 'images', 'logo-contoso.png'));

let editor: AdminUser;
let sales: AdminUser;
beforeAll(async () => {
  editor = await adminUser('Editor');
  sales = await adminUser('Sales');
}, 60_000);

const as = (user: AdminUser, init: RequestInit & { json?: unknown } = {}) => ({
  ...init,
  ip: clientIp(),
  headers: { ...auth(user.token), ...(init.headers ?? {}) },
});

describe('attack 4: the Editor does marketing’s work, Sales does CRM work', () => {
  it('leaves no role outside the table: Strapi’s default Author role (free to create hosts with any calendar id) is gone', async () => {
    const roles = await api('/admin/roles', { headers: auth(await superAdminToken()) });
    expect(roles.status).toBe(200);
    const codes = (roles.body.data as Array<{ code: string }>).map((role) => role.code);
    expect(codes).not.toContain('strapi-author');
    expect(codes).toEqual(
      expect.arrayContaining(['strapi-super-admin', 'magnetiq-admin', 'magnetiq-sales', 'magnetiq-viewer']),
    );
  });

  it('lets an Editor create a webinar and schedule a session in the Webinars page, without seeing who registered', async () => {
    const slug = uniqueSlug('editor-webinar');
    const webinar = await api(
      '/webinars/webinars',
      as(editor, {
        method: 'POST',
        json: {
          title: `Editor webinar ${slug}`,
          slug,
          summary: 'Scheduled by marketing.',
          topics: ['marketing'],
          publish: true,
        },
      }),
    );
    expect(webinar.status, JSON.stringify(webinar.body)).toBe(201);
    const startsAt = Date.now() + 20 * 86400e3;
    const session = await api(
      `/webinars/webinars/${webinar.body.data.documentId}/sessions`,
      as(editor, {
        method: 'POST',
        json: {
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(startsAt + 45 * 60e3).toISOString(),
          timeZone: 'Europe/Berlin',
          capacity: 50,
          joinUrl: 'https://meet.example.com/editor',
          joinInstructions: 'Join five minutes early.',
        },
      }),
    );
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    expect((await api('/webinars/webinars', as(editor))).status).toBe(200);
    expect((await api(`/webinars/sessions/${session.body.data.documentId}`, as(editor))).status).toBe(200);
    expect((await api(`/webinars/sessions/${session.body.data.documentId}/registrations`, as(editor))).status).toBe(
      403,
    );
    expect((await api(`/webinars/sessions/${session.body.data.documentId}/registrations.csv`, as(editor))).status).toBe(
      403,
    );
    // marking attendance by email answered which addresses were not registered: an oracle of who registered
    const probe = await api(
      `/webinars/sessions/${session.body.data.documentId}/attendance`,
      as(editor, { method: 'POST', json: { marks: [{ email: 'someone@example.com', status: 'attended' }] } }),
    );
    expect(probe.status, JSON.stringify(probe.body)).toBe(403);
    const report = await api(
      `/webinars/sessions/${session.body.data.documentId}/attendance/import`,
      as(editor, { method: 'POST', json: { csv: 'email,attended\nsomeone@example.com,yes\n' } }),
    );
    expect(report.status, JSON.stringify(report.body)).toBe(403);
  });

  it('lets an Editor create a whitepaper and upload its PDF, but not export its leads', async () => {
    const slug = uniqueSlug('editor-paper');
    const paper = await api(
      '/whitepapers/papers',
      as(editor, {
        method: 'POST',
        json: {
          title: `Editor paper ${slug}`,
          slug,
          summary: 'Written by marketing.',
          pageCount: 8,
          topics: ['marketing'],
          publish: true,
        },
      }),
    );
    expect(paper.status, JSON.stringify(paper.body)).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'editor-paper.pdf');
    const uploaded = await api(
      `/whitepapers/papers/${paper.body.data.documentId}/file`,
      as(editor, { method: 'POST', body: form }),
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    expect((await api('/whitepapers/papers', as(editor))).status).toBe(200);
    expect((await api(`/whitepapers/papers/${paper.body.data.documentId}/stats`, as(editor))).status).toBe(200);
    expect((await api(`/whitepapers/papers/${paper.body.data.documentId}/leads.csv`, as(editor))).status).toBe(403);
  });

  it('lets an Editor edit a host’s weekly schedule, but not see the bookings or change the host’s email', async () => {
    const hosts = await api('/booking/hosts', as(editor));
    expect(hosts.status).toBe(200);
    const host = hosts.body.data[0];
    // a host's email and calendar id are Admin's, not in the schedules' answer
    expect(Object.keys(host)).not.toContain('email');
    expect(Object.keys(host)).not.toContain('calendarId');
    const weeklyHours = { ...host.weeklyHours, sat: [{ start: '10:00', end: '12:00' }] };
    const saved = await api(
      `/booking/hosts/${host.documentId}/schedule`,
      as(editor, {
        method: 'PUT',
        json: { timeZone: host.timeZone, weeklyHours, dateOverrides: host.dateOverrides ?? [] },
      }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.data.weeklyHours.sat).toEqual([{ start: '10:00', end: '12:00' }]);
    // put the seeded schedule back for the booking tests
    await api(
      `/booking/hosts/${host.documentId}/schedule`,
      as(editor, {
        method: 'PUT',
        json: { timeZone: host.timeZone, weeklyHours: host.weeklyHours, dateOverrides: host.dateOverrides ?? [] },
      }),
    );

    expect((await api('/booking/bookings', as(editor))).status).toBe(403);

    // the host's email and calendar id are Admin's: the Content Manager does not write them for an Editor
    const [before] = await rows<{ email: string; calendar_id: string | null }>(
      'select email, calendar_id from booking_hosts where document_id = $1 limit 1',
      [host.documentId],
    );
    await contentManager(editor.token).update('plugin::booking.host', host.documentId, {
      email: 'attacker@evil.example',
      calendarId: 'attacker@evil.example',
    });
    const after = await rows<{ email: string; calendar_id: string | null }>(
      'select email, calendar_id from booking_hosts where document_id = $1',
      [host.documentId],
    );
    for (const row of after) expect(row).toEqual(before);
  });

  it('lets an Editor edit a webinar, but not move its events to another team calendar', async () => {
    // a webinar's team calendar decides where its sessions' events go, like a host's calendar id: Admin's
    const [webinar] = await rows<{ document_id: string; calendar_id: string | null }>(
      "select document_id, calendar_id from webinars_webinars where locale = 'en' order by id limit 1",
    );
    const updated = await contentManager(editor.token).update('plugin::webinars.webinar', webinar.document_id, {
      calendarId: 'ceo@evil.example',
    });
    expect(updated.status, JSON.stringify(updated.body)).toBeLessThan(500);
    const after = await rows<{ calendar_id: string | null }>(
      'select calendar_id from webinars_webinars where document_id = $1',
      [webinar.document_id],
    );
    for (const row of after) expect(row.calendar_id).toBe(webinar.calendar_id);
  });

  it('keeps an Editor out of contacts', async () => {
    expect((await api('/leads/contacts', as(editor))).status).toBe(403);
    expect((await contentManager(editor.token).list('plugin::leads.contact')).status).toBe(403);
  });

  it('has a Sales role that opens a contact’s timeline and exports it, audited, but cannot erase or edit content', async () => {
    const email = uniqueEmail('sales-view');
    const submitted = await api('/api/leads/submissions', {
      method: 'POST',
      ip: clientIp(),
      json: submission({ email }),
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const list = await api(`/leads/contacts?q=${encodeURIComponent(email)}`, as(sales));
    expect(list.status).toBe(200);
    const { documentId } = list.body.data[0];

    const timeline = await api(`/leads/contacts/${documentId}`, as(sales));
    expect(timeline.status).toBe(200);
    const exported = await api(`/leads/contacts/${documentId}/export`, as(sales));
    expect(exported.status).toBe(200);
    expect(exported.body.data.contact).toMatchObject({ email });
    const audited = await rows<{ action: string }>(
      'select action from leads_audit_logs where actor_email = $1 and subject_id = $2 order by id',
      [sales.email, documentId],
    );
    expect(audited.map((row) => row.action)).toEqual(expect.arrayContaining(['contact.view', 'contact.export']));

    expect((await api(`/leads/contacts/${documentId}/erase`, as(sales, { method: 'POST', json: {} }))).status).toBe(
      403,
    );
    expect((await contentManager(sales.token).create('api::page.page', { title: 'Sales page' })).status).toBe(403);
    expect((await api('/booking/bookings', as(sales))).status).toBe(200);
  });

  it('audits Sales’ reads of registrations, whitepaper leads and bookings, not only of a contact', async () => {
    const [session] = await rows<{ document_id: string }>(
      'select document_id from webinars_sessions order by id limit 1',
    );
    const [paper] = await rows<{ document_id: string }>(
      'select document_id from whitepapers_whitepapers order by id limit 1',
    );
    expect((await api(`/webinars/sessions/${session.document_id}/registrations`, as(sales))).status).toBe(200);
    expect((await api(`/webinars/sessions/${session.document_id}/registrations.csv`, as(sales))).status).toBe(200);
    expect((await api(`/whitepapers/papers/${paper.document_id}/leads.csv`, as(sales))).status).toBe(200);
    expect((await api('/booking/bookings', as(sales))).status).toBe(200);
    const audited = await rows<{ action: string; subject_id: string }>(
      'select action, subject_id from leads_audit_logs where actor_email = $1 order by id',
      [sales.email],
    );
    expect(audited).toEqual(
      expect.arrayContaining([
        { action: 'webinar.registrations.view', subject_id: session.document_id },
        { action: 'webinar.registrations.export', subject_id: session.document_id },
        { action: 'whitepaper.leads.export', subject_id: paper.document_id },
        { action: 'booking.bookings.view', subject_id: 'all' },
      ]),
    );
  });
});

describe('attack 5: case and encoding do not bypass the route checks', () => {
  it.each([
    '/api/Auth/local/register',
    '/API/AUTH/LOCAL/REGISTER',
    '/api/auth/local/register/',
    '/api/Auth/local/register/',
    '/api/auth%2Flocal%2Fregister',
    '/api/auth/local/%72egister',
  ])('POST %s does not register an end user', async (registerPath) => {
    const email = uniqueEmail('mallory');
    const response = await api(registerPath, {
      method: 'POST',
      ip: clientIp(),
      json: { username: email.split('@')[0], email, password: 'Passw0rd!Passw0rd' },
    });
    expect(response.status).toBe(404);
    expect(response.body?.jwt).toBeUndefined();
    expect(await count('select count(*) from up_users where email = $1', [email])).toBe(0);
  });

  it.each(['/api/Auth/forgot-password', '/api/AUTH/reset-password', '/api/Auth/local', '/api/Connect/github'])(
    '%s answers 404 as the lower-case path does',
    async (accountPath) => {
      const response = await api(accountPath, {
        method: accountPath.includes('Connect') ? 'GET' : 'POST',
        ip: clientIp(),
        json: accountPath.includes('Connect') ? undefined : {},
      });
      expect(response.status).toBe(404);
    },
  );

  it('keeps the per-IP admin login limit on /admin/LOGIN and other spellings after /admin/login answers 429', async () => {
    const ip = clientIp();
    let last = 0;
    for (let attempt = 0; attempt < 25 && last !== 429; attempt += 1) {
      last = (
        await api('/admin/login', {
          method: 'POST',
          ip,
          json: { email: uniqueEmail('guess'), password: `guess-${attempt}` },
        })
      ).status;
    }
    expect(last).toBe(429);
    for (const loginPath of ['/admin/LOGIN', '/Admin/Login', '/admin/login/', '/ADMIN/LOGIN/']) {
      const response = await api(loginPath, {
        method: 'POST',
        ip,
        json: { email: uniqueEmail('guess'), password: 'one-more-guess' },
      });
      expect(response.status, loginPath).toBe(429);
      expect(response.body.error.name, loginPath).toBe('RateLimitError');
    }
  });
});

async function uploadAs(
  token: string,
  files: Array<{ bytes: Buffer | string; name: string; type: string }>,
  uploadPath = '/upload',
) {
  const form = new FormData();
  for (const file of files)
    form.append(
      'files',
      new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], { type: file.type }),
      file.name,
    );
  return api(uploadPath, { method: 'POST', ip: clientIp(), headers: auth(token), body: form });
}

const storedNamed = (name: string) => count('select count(*) from files where name = $1', [name]);

describe('attack 6: uploads are allow-listed by content', () => {
  const HTML = '<!doctype html><script>fetch("/admin/users/me")</script>';
  const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>';
  const JS = 'alert(document.cookie)';

  it.each([
    ['an HTML page', HTML, 'x', 'html', 'text/html'],
    ['an SVG image', SVG, 'x', 'svg', 'image/svg+xml'],
    ['a script', JS, 'x', 'js', 'text/javascript'],
    ['an HTML page named .png', HTML, 'x', 'png', 'image/png'],
    ['a PNG named .html', PNG, 'x', 'html', 'text/html'],
  ])('refuses %s from an Editor with 400, storing nothing', async (_label, bytes, base, ext, type) => {
    const name = `${uniqueSlug(base)}.${ext}`;
    const response = await uploadAs(editor.token, [{ bytes, name, type }]);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(await storedNamed(name)).toBe(0);
  });

  it('refuses the whole request when one of its files is not allowed', async () => {
    const good = `${uniqueSlug('good')}.jpg`;
    const bad = `${uniqueSlug('bad')}.svg`;
    const response = await uploadAs(editor.token, [
      { bytes: JPEG, name: good, type: 'image/jpeg' },
      { bytes: SVG, name: bad, type: 'image/svg+xml' },
    ]);
    expect(response.status).toBe(400);
    expect(await storedNamed(good)).toBe(0);
    expect(await storedNamed(bad)).toBe(0);
  });

  it('refuses an HTML file on the content API upload route too', async () => {
    const created = await api('/admin/api-tokens', {
      method: 'POST',
      headers: auth(await superAdminToken()),
      json: {
        name: uniqueSlug('upload-token'),
        type: 'full-access',
        lifespan: null,
        description: 'upload allow-list test',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const name = `${uniqueSlug('api')}.html`;
    const response = await uploadAs(
      created.body.data.accessKey,
      [{ bytes: HTML, name, type: 'text/html' }],
      '/api/upload',
    );
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(await storedNamed(name)).toBe(0);
  });

  it('takes a JPEG and serves it inline, takes a PDF and serves it as a download, neither sniffed', async () => {
    const image = await uploadAs(editor.token, [
      { bytes: JPEG, name: `${uniqueSlug('photo')}.jpg`, type: 'image/jpeg' },
    ]);
    expect(image.status, JSON.stringify(image.body)).toBe(201);
    expect(image.body[0].mime).toBe('image/jpeg');
    const imageFile = await fetch(new URL(image.body[0].url, inject('cmsUrl')));
    expect(imageFile.status).toBe(200);
    expect(imageFile.headers.get('content-disposition')).toBeNull();
    expect(imageFile.headers.get('x-content-type-options')).toBe('nosniff');

    // the browser's claimed type does not decide: the PDF is stored as what it is
    const pdf = await uploadAs(editor.token, [
      { bytes: PDF, name: `${uniqueSlug('brochure')}.pdf`, type: 'application/octet-stream' },
    ]);
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201);
    expect(pdf.body[0].mime).toBe('application/pdf');
    for (const url of [pdf.body[0].url, pdf.body[0].url.replace('/uploads/', '/UPLOADS/'), `${pdf.body[0].url}/`]) {
      const served = await fetch(new URL(url, inject('cmsUrl')));
      if (served.status !== 200) continue; // a spelling the static server does not find is not served at all
      expect(served.headers.get('content-disposition'), url).toBe('attachment');
      expect(served.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
    const served = await fetch(new URL(pdf.body[0].url, inject('cmsUrl')));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-disposition')).toBe('attachment');
  });
});
