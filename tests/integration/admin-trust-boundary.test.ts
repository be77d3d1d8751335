/**
 * Issue 16, plugin side: the admin is a trust boundary. Attacks 1–3 of the issue, as written there,
 * through the admin's own HTTP API (what the admin UI calls), plus the append-only evidence that
 * PostgreSQL enforces. ADR 0017.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, clientIp } from '../helpers/http';
import { db, rows } from '../helpers/db';
import { submission, uniqueEmail } from '../helpers/leads';
import { createAdminUser, type AdminUser } from '../helpers/admin-users';
import { superAdminToken } from '../helpers/content';

const WHITEPAPER = 'plugin::whitepapers.whitepaper';
const CM = '/content-manager/collection-types';
const LEAD_TYPES = ['contact', 'consent', 'activity', 'outbox', 'email', 'audit-log'].map(
  (name) => `plugin::leads.${name}`,
);
const PDF = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'whitepaper.pdf'));

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = (token: string, init: RequestInit & { json?: unknown } = {}) => ({
  ...init,
  ip: clientIp(),
  headers: { ...bearer(token), ...((init.headers as Record<string, string>) ?? {}) },
});
const suffix = () => crypto.randomBytes(3).toString('hex');

let superToken: string;
let editor: AdminUser;
let viewer: AdminUser;

/** A lead captured through the public form, with its consents; and one audit entry about it. */
const lead = {
  email: '',
  contactId: 0,
  contactDocumentId: '',
  consentId: 0,
  consentDocumentId: '',
  auditId: 0,
  auditDocumentId: '',
};

async function captureLead() {
  lead.email = uniqueEmail('trust');
  const response = await api('/api/leads/submissions', {
    method: 'POST',
    ip: clientIp(),
    json: submission({ email: lead.email }),
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const [contact] = await rows('select id, document_id from leads_contacts where email = $1', [lead.email]);
  lead.contactId = contact.id;
  lead.contactDocumentId = contact.document_id;
  const [consent] = await rows(
    `select c.id, c.document_id from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id where l.contact_id = $1 order by c.id limit 1`,
    [contact.id],
  );
  lead.consentId = consent.id;
  lead.consentDocumentId = consent.document_id;
  // the Super Admin opens the contact in the Leads page: that read is audited
  const opened = await api(`/leads/contacts/${lead.contactDocumentId}`, as(superToken));
  expect(opened.status).toBe(200);
  const [audit] = await rows(
    `select id, document_id from leads_audit_logs where subject_id = $1 and action = 'contact.view' order by id desc limit 1`,
    [lead.contactDocumentId],
  );
  lead.auditId = audit.id;
  lead.auditDocumentId = audit.document_id;
}

beforeAll(async () => {
  superToken = await superAdminToken();
  [editor, viewer] = await Promise.all([createAdminUser('Editor'), createAdminUser('Viewer')]);
  await captureLead();
});

describe('attack 1: an Editor sets a whitepaper’s file key through the Content Manager', () => {
  // the attack names ../../.env relative to the private folder; make sure something is there to leak
  const envPath = path.resolve(inject('whitepapersDir'), '../../.env');
  const planted = !fs.existsSync(envPath);
  const envSecret = `ADMIN_JWT_SECRET=leak-${suffix()}`;
  beforeAll(() => {
    if (planted) fs.writeFileSync(envPath, `APP_KEYS=x\n${envSecret}\n`);
  });
  afterAll(() => {
    if (planted) fs.rmSync(envPath, { force: true });
  });

  const cm = (token: string) => ({
    create: (data: unknown) => api(`${CM}/${WHITEPAPER}?locale=en`, as(token, { method: 'POST', json: data })),
    update: (documentId: string, data: unknown) =>
      api(`${CM}/${WHITEPAPER}/${documentId}?locale=en`, as(token, { method: 'PUT', json: data })),
    publish: (documentId: string) =>
      api(`${CM}/${WHITEPAPER}/${documentId}/actions/publish?locale=en`, as(token, { method: 'POST', json: {} })),
  });
  const storedKeys = (documentId: string) =>
    rows(
      'select locale, published_at, file_key, file_size, file_name, file_sha_256 from whitepapers_whitepapers where document_id = $1',
      [documentId],
    );
  const openFile = (slug: string) =>
    fetch(`${inject('cmsUrl')}/api/whitepapers/papers/${slug}/file?locale=en`, {
      headers: { 'X-Forwarded-For': clientIp() },
      signal: AbortSignal.timeout(15_000),
    });

  it('creates and publishes the paper, but the file key is not stored and nothing is served', async () => {
    const slug = `takeover-${suffix()}`;
    const created = await cm(editor.token).create({
      title: `Takeover ${slug}`,
      slug,
      gated: false,
      fileKey: '../../.env',
      fileSize: 400,
      fileName: 'env.pdf',
      fileSha256: 'f'.repeat(64),
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const documentId = created.body.data.documentId;
    const published = await cm(editor.token).publish(documentId);
    expect(published.status, JSON.stringify(published.body)).toBeLessThan(300);

    for (const row of await storedKeys(documentId))
      expect(row).toMatchObject({ file_key: null, file_size: null, file_name: null, file_sha_256: null });
    const response = await openFile(slug);
    const body = await response.text();
    expect(response.status).toBe(404);
    expect(body).not.toContain(envSecret);
    expect(body).not.toContain('APP_KEYS');
  });

  it('cannot change the file of a paper that has one by an update either', async () => {
    const slug = `takeover-update-${suffix()}`;
    const created = await cm(superToken).create({ title: `Update ${slug}`, slug, gated: false });
    const documentId = created.body.data.documentId;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'Real.pdf');
    expect(
      (await api(`/whitepapers/papers/${documentId}/file`, as(superToken, { method: 'POST', body: form }))).status,
    ).toBe(200);
    const before = await storedKeys(documentId);

    const updated = await cm(editor.token).update(documentId, {
      title: `Update ${slug}`,
      slug,
      gated: false,
      fileKey: '../../.env',
      fileSize: 400,
      fileName: 'x.pdf',
    });
    expect(updated.status, JSON.stringify(updated.body)).toBeLessThan(300);
    expect((await cm(editor.token).publish(documentId)).status).toBeLessThan(300);

    const after = await storedKeys(documentId);
    expect(after.map((row) => row.file_key)).toEqual(after.map(() => before[0].file_key));
    expect(after.every((row) => row.file_name === 'Real.pdf' && Number(row.file_size) === PDF.length)).toBe(true);
    const response = await openFile(slug);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('keeps the file of every locale when an editor adds a locale in the Content Manager', async () => {
    const slug = `locale-${suffix()}`;
    const created = await cm(superToken).create({ title: `Locale ${slug}`, slug, gated: false });
    const documentId = created.body.data.documentId;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'Locale.pdf');
    expect(
      (await api(`/whitepapers/papers/${documentId}/file`, as(superToken, { method: 'POST', body: form }))).status,
    ).toBe(200);
    const [uploaded] = await storedKeys(documentId);

    // what the admin UI sends for a new locale: the form, without the private file key
    const german = await api(
      `${CM}/${WHITEPAPER}/${documentId}?locale=de`,
      as(editor.token, { method: 'PUT', json: { title: `Lokal ${slug}`, slug: `${slug}-de`, gated: false } }),
    );
    expect(german.status, JSON.stringify(german.body)).toBeLessThan(300);
    const after = await storedKeys(documentId);
    expect(after.map((row) => row.locale).sort()).toEqual(['de', 'en']);
    for (const row of after) expect(row).toMatchObject({ file_key: uploaded.file_key, file_name: 'Locale.pdf' });
  });

  it('does not serve a stored key that the upload did not make (checked on read too), and logs it', async () => {
    const slug = `forged-row-${suffix()}`;
    const created = await cm(superToken).create({ title: `Forged ${slug}`, slug, gated: false });
    const documentId = created.body.data.documentId;
    expect((await cm(superToken).publish(documentId)).status).toBeLessThan(300);
    // a row changed behind the CMS's back (a restore, a bug, a hand-written SQL fix)
    for (const key of ['../../.env', envPath, `${'a'.repeat(64)}.pdf/../../../.env`]) {
      await db().query('update whitepapers_whitepapers set file_key = $1, file_size = 400 where document_id = $2', [
        key,
        documentId,
      ]);
      const response = await openFile(slug);
      const body = await response.text();
      expect(response.status, key).toBe(404);
      expect(body).not.toContain(envSecret);
    }
    const log = fs.readFileSync(inject('strapiLogFile'), 'utf8');
    expect(log).toContain(`whitepaper ${documentId} has a stored file key that is not one the upload makes`);
  });
});

describe('attack 2: forging GDPR evidence through the Content Manager', () => {
  it('an Editor’s PUT of a consent is refused and the consent is unchanged', async () => {
    const response = await api(
      `${CM}/plugin::leads.consent/${lead.consentDocumentId}`,
      as(editor.token, { method: 'PUT', json: { textVersion: 'forged-v9' } }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const [consent] = await rows('select text_version from leads_consents where id = $1', [lead.consentId]);
    expect(consent.text_version).toBe('contact-2026-11');
  });

  it('an Editor’s DELETE of an audit entry is refused and the entry is still there', async () => {
    const response = await api(
      `${CM}/plugin::leads.audit-log/${lead.auditDocumentId}`,
      as(editor.token, { method: 'DELETE' }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await rows('select id from leads_audit_logs where id = $1', [lead.auditId])).toHaveLength(1);
  });

  // Variants that resolve to the real uid after routing (path case, %3A). An upper-case or
  // double-encoded uid is refused by Strapi's own exact-uid permission check already; the guard's
  // normalisation of those is covered by plugins/leads/server/src/domain/admin-boundary.test.ts.
  it.each([
    ['PUT', (d: string) => `${CM}/plugin::leads.consent/${d}`],
    ['PUT', (d: string) => `/Content-Manager/Collection-Types/plugin::leads.consent/${d}`],
    ['PUT', (d: string) => `${CM}/plugin%3A%3Aleads.consent/${d}`],
    ['DELETE', (d: string) => `${CM}/plugin::leads.consent/${d}`],
    ['DELETE', (d: string) => `/CONTENT-MANAGER/collection-types/plugin%3A%3Aleads.consent/${d}`],
  ])('not even the Super Admin: %s %s', async (method, url) => {
    const response = await api(
      url(lead.consentDocumentId),
      as(superToken, { method, json: method === 'PUT' ? { textVersion: 'forged-v9' } : undefined }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const [consent] = await rows('select text_version from leads_consents where id = $1', [lead.consentId]);
    expect(consent.text_version).toBe('contact-2026-11');
  });

  it('the Super Admin cannot delete audit entries in bulk or create forged ones', async () => {
    const bulk = await api(
      `${CM}/plugin::leads.audit-log/actions/bulkDelete`,
      as(superToken, { method: 'POST', json: { documentIds: [lead.auditDocumentId] } }),
    );
    expect(bulk.status).toBeGreaterThanOrEqual(400);
    expect(bulk.status).toBeLessThan(500);
    expect(await rows('select id from leads_audit_logs where id = $1', [lead.auditId])).toHaveLength(1);
    const forged = await api(
      `${CM}/plugin::leads.consent`,
      as(superToken, {
        method: 'POST',
        json: {
          purpose: 'marketing-email',
          action: 'granted',
          textVersion: 'forged',
          source: 'cm',
          recordedAt: new Date().toISOString(),
        },
      }),
    );
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);
    expect(await rows(`select id from leads_consents where text_version = 'forged'`)).toHaveLength(0);
  });
});

describe('attack 3: lead data through the Content Manager', () => {
  it('hides every lead type from the Content Manager', async () => {
    const init = await api('/content-manager/init', as(superToken));
    expect(init.status).toBe(200);
    for (const uid of LEAD_TYPES) {
      const type = init.body.data.contentTypes.find((candidate: any) => candidate.uid === uid);
      expect(type?.isDisplayed, uid).toBe(false);
    }
  });

  it.each(LEAD_TYPES)('refuses %s to the Viewer, the Editor and the Super Admin', async (uid) => {
    for (const token of [viewer.token, editor.token, superToken]) {
      const list = await api(`${CM}/${uid}`, as(token));
      expect(list.status, `${uid}: ${JSON.stringify(list.body).slice(0, 200)}`).toBe(403);
      expect(JSON.stringify(list.body)).not.toContain(lead.email);
    }
  });

  it.each([
    (d: string) => `${CM}/plugin::leads.contact/${d}`,
    (d: string) => `/Content-Manager/collection-types/plugin::leads.contact/${d}`,
    (d: string) => `/content-manager/COLLECTION-TYPES/plugin%3A%3Aleads.contact/${d}`,
    () => `/content-manager/relations/plugin::leads.consent/contact`,
    () => `/content-manager/relations/plugin%3A%3Aleads.activity/contact`,
    () => `/content-manager/content-types/plugin::leads.contact/configuration`,
  ])('refuses a contact’s detail and its relations to the Super Admin: %s', async (url) => {
    const response = await api(url(lead.contactDocumentId), as(superToken));
    expect(response.status).toBe(403);
    expect(JSON.stringify(response.body)).not.toContain(lead.email);
  });

  it('refuses hidden plugin types that Strapi would still serve to a role with read on them (Super Admin has it)', async () => {
    for (const uid of [
      'plugin::booking.booking',
      'plugin::webinars.registration',
      'plugin::whitepapers.download',
      'plugin::calendar-sync.connection',
    ]) {
      const response = await api(`${CM}/${uid}`, as(superToken));
      expect(response.status, uid).toBe(403);
    }
    // their status and counter columns are not writable there either (seats taken, booking status)
    const [session] = await rows('select document_id, seats_taken from webinars_sessions order by id limit 1');
    const sessionId = session?.document_id ?? 'nosuchdocumentid000000000';
    const put = await api(
      `${CM}/plugin::webinars.session/${sessionId}`,
      as(superToken, { method: 'PUT', json: { seatsTaken: 0, status: 'cancelled' } }),
    );
    expect(put.status).toBe(403);
    if (session)
      expect(
        (await rows('select seats_taken from webinars_sessions where document_id = $1', [sessionId]))[0].seats_taken,
      ).toBe(session.seats_taken);
  });

  it('stays refused for a role that the Super Admin grants read and update on lead types', async () => {
    const role = await api(
      '/admin/roles',
      as(superToken, {
        method: 'POST',
        json: { name: `Leads via CM ${suffix()}`, description: 'a re-grant in the roles UI' },
      }),
    );
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    const fields: Record<string, string[]> = {
      'plugin::leads.contact': ['email'],
      'plugin::leads.consent': ['textVersion'],
    };
    const permissions = ['read', 'update', 'delete'].flatMap((action) =>
      Object.keys(fields).map((subject) => ({
        action: `plugin::content-manager.explorer.${action}`,
        subject,
        properties: action === 'delete' ? {} : { fields: fields[subject] },
        conditions: [],
      })),
    );
    // Strapi accepts read on a hidden type and refuses the rest; grant whatever it accepts
    const all = await api(
      `/admin/roles/${role.body.data.id}/permissions`,
      as(superToken, { method: 'PUT', json: { permissions } }),
    );
    if (all.status !== 200) {
      const readOnly = await api(
        `/admin/roles/${role.body.data.id}/permissions`,
        as(superToken, { method: 'PUT', json: { permissions: permissions.filter((p) => p.action.endsWith('.read')) } }),
      );
      expect(readOnly.status, JSON.stringify(readOnly.body)).toBe(200);
    }
    const regranted = await createAdminUser(role.body.data);
    expect((await api(`${CM}/plugin::leads.contact`, as(regranted.token))).status).toBe(403);
    expect((await api(`${CM}/plugin::leads.contact/${lead.contactDocumentId}`, as(regranted.token))).status).toBe(403);
    const put = await api(
      `${CM}/plugin::leads.consent/${lead.consentDocumentId}`,
      as(regranted.token, { method: 'PUT', json: { textVersion: 'forged-v9' } }),
    );
    expect(put.status).toBe(403);
    const [consent] = await rows('select text_version from leads_consents where id = $1', [lead.consentId]);
    expect(consent.text_version).toBe('contact-2026-11');
  });

  it('reads lead data only through the Leads admin routes, which check plugin::leads permissions and audit every read', async () => {
    expect((await api(`/leads/contacts/${lead.contactDocumentId}`, as(editor.token))).status).toBe(403);
    expect((await api(`/leads/contacts/${lead.contactDocumentId}/export`, as(viewer.token))).status).toBe(403);
    const before = await rows(`select action from leads_audit_logs where subject_id = $1`, [lead.contactDocumentId]);
    expect((await api(`/leads/contacts/${lead.contactDocumentId}`, as(superToken))).status).toBe(200);
    expect((await api(`/leads/contacts/${lead.contactDocumentId}/export`, as(superToken))).status).toBe(200);
    const after = await rows(`select action, actor_email from leads_audit_logs where subject_id = $1 order by id`, [
      lead.contactDocumentId,
    ]);
    expect(after.slice(before.length)).toEqual([
      { action: 'contact.view', actor_email: inject('adminEmail') },
      { action: 'contact.export', actor_email: inject('adminEmail') },
    ]);
  });
});

describe('append-only evidence, enforced by PostgreSQL', () => {
  const refused = async (sql: string, params: unknown[] = []) => {
    const error = await db()
      .query(sql, params)
      .then(
        () => null,
        (caught) => caught,
      );
    expect(error, sql).not.toBeNull();
    expect(error.code, `${sql}: ${error.message}`).toBe('42501');
    expect(error.message).toContain('append-only evidence');
  };

  it('refuses UPDATE, DELETE and TRUNCATE of consents and of the audit log in plain SQL', async () => {
    await refused(`update leads_consents set text_version = 'forged-v9' where id = $1`, [lead.consentId]);
    await refused(`delete from leads_consents where id = $1`, [lead.consentId]);
    await refused(`truncate leads_consents cascade`);
    await refused(`update leads_audit_logs set action = 'nothing' where id = $1`, [lead.auditId]);
    await refused(`delete from leads_audit_logs where id = $1`, [lead.auditId]);
    await refused(`truncate leads_audit_logs`);
    await refused(`delete from leads_consents_contact_lnk where consent_id = $1`, [lead.consentId]);
    await refused(`update leads_consents_contact_lnk set contact_id = contact_id where consent_id = $1`, [
      lead.consentId,
    ]);
    const [consent] = await rows('select text_version from leads_consents where id = $1', [lead.consentId]);
    expect(consent.text_version).toBe('contact-2026-11');
    expect(await rows('select id from leads_audit_logs where id = $1', [lead.auditId])).toHaveLength(1);
  });

  it('lets new evidence in: a second submission adds consents', async () => {
    const again = await api('/api/leads/submissions', {
      method: 'POST',
      ip: clientIp(),
      json: submission({ email: lead.email }),
    });
    expect(again.status).toBe(201);
    const consents = await rows(
      `select c.id from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id where l.contact_id = $1`,
      [lead.contactId],
    );
    expect(consents.length).toBeGreaterThan(1);
  });

  it('allows a change only inside a transaction that set magnetiq.erase_in_progress, and only for that transaction', async () => {
    const client = await db().connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('magnetiq.erase_in_progress', 'on', true)`);
      const updated = await client.query(`update leads_consents set user_agent = null where id = $1`, [lead.consentId]);
      expect(updated.rowCount).toBe(1);
      await client.query('rollback');
      // the same pooled connection, next transaction: the setting is gone
      const error = await client
        .query(`update leads_consents set user_agent = null where id = $1`, [lead.consentId])
        .then(
          () => null,
          (caught) => caught,
        );
      expect(error?.code).toBe('42501');
    } finally {
      client.release();
    }
  });

  it('lets the erase procedure anonymise consents, and keeps the proof', async () => {
    const email = uniqueEmail('erase-evidence');
    expect(
      (await api('/api/leads/submissions', { method: 'POST', ip: clientIp(), json: submission({ email }) })).status,
    ).toBe(201);
    const [contact] = await rows('select id, document_id from leads_contacts where email = $1', [email]);
    const erased = await api(`/leads/contacts/${contact.document_id}/erase`, as(superToken, { method: 'POST' }));
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    const consents = await rows(
      `select c.ip_hash, c.user_agent, c.proof_hash, c.text_version from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id where l.contact_id = $1`,
      [contact.id],
    );
    expect(consents.length).toBeGreaterThan(0);
    for (const consent of consents)
      expect(consent).toMatchObject({
        ip_hash: null,
        user_agent: null,
        proof_hash: expect.stringMatching(/^[0-9a-f]+$/),
        text_version: 'contact-2026-11',
      });
    expect(
      await rows(`select action from leads_audit_logs where subject_id = $1 and action = 'contact.erase'`, [
        contact.document_id,
      ]),
    ).toHaveLength(1);
    // and after the erase the triggers are back on for everyone
    await refused(
      `update leads_consents set proof_hash = null where id in (select consent_id from leads_consents_contact_lnk where contact_id = $1)`,
      [contact.id],
    );
  });
});

describe('booking hosts: email and calendar id are not set through the schedule route', () => {
  it('refuses them in a schedule update and keeps the stored ones', async () => {
    const slug = `host-${suffix()}`;
    const week = { mon: [{ start: '09:00', end: '17:00' }] };
    const created = await api(
      `${CM}/plugin::booking.host?locale=en`,
      as(superToken, {
        method: 'POST',
        json: {
          name: 'Trust Host',
          slug,
          email: `${slug}@magnetiq.test`,
          timeZone: 'Europe/Berlin',
          weeklyHours: week,
          dateOverrides: [],
          calendarId: `${slug}@magnetiq.test`,
          active: true,
        },
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const documentId = created.body.data.documentId;
    for (const token of [superToken, editor.token]) {
      const response = await api(
        `/booking/hosts/${documentId}/schedule`,
        as(token, {
          method: 'PUT',
          json: {
            timeZone: 'Europe/Berlin',
            weeklyHours: week,
            dateOverrides: [],
            email: 'attacker@evil.test',
            calendarId: 'attacker@evil.test',
          },
        }),
      );
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    const stored = await rows('select email, calendar_id from booking_hosts where document_id = $1', [documentId]);
    for (const row of stored)
      expect(row).toEqual({ email: `${slug}@magnetiq.test`, calendar_id: `${slug}@magnetiq.test` });
  });
});
