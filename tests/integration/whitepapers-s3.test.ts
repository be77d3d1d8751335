/**
 * Whitepapers with the private S3 bucket (several instances, issue 19), against a CMS process of
 * this file on a database of its own and the fake S3 of tests/fakes/s3.ts: an uploaded PDF goes
 * into the bucket (never with a public ACL, nothing in the local folder) and reaches the visitor
 * only through the signed link, streamed by the CMS as an attachment.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../scripts/lib/paths.mjs';
import { generateSecrets } from '../../scripts/lib/secrets.mjs';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { ownCmsEnv, startTestCms, type CmsProcess } from '../helpers/cms-process';
import { clientIp } from '../helpers/http';
import { uniqueEmail } from '../helpers/leads';
import { startFakeS3 } from '../fakes/s3';
import { startFakeOdoo } from '../fakes/odoo';
import { startFakeSendGrid } from '../fakes/sendgrid';

const ADMIN_EMAIL = 's3-admin@magnetiq.test';
const ADMIN_PASSWORD = 'S3-Passw0rd!';
const BUCKET = 'magnetiq-private';
const PDF = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'whitepaper.pdf'));
const PDF_SHA256 = crypto.createHash('sha256').update(PDF).digest('hex');

let database: TestDatabase;
let s3: Awaited<ReturnType<typeof startFakeS3>>;
let sendgrid: Awaited<ReturnType<typeof startFakeSendGrid>>;
let odoo: Awaited<ReturnType<typeof startFakeOdoo>>;
let cms: CmsProcess | null = null;
let token = '';
const filesDir = fs.mkdtempSync(path.join(DATA_DIR, 'test-s3-whitepapers-'));

async function call(pathname: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const response = await fetch(`${cms!.url}${pathname}`, {
    ...rest,
    headers: {
      Accept: 'application/json',
      'X-Forwarded-For': clientIp(),
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token && pathname.startsWith('/whitepapers/') ? { Authorization: `Bearer ${token}` } : {}),
      ...(rest.headers ?? {}),
    },
    body: json === undefined ? rest.body : JSON.stringify(json),
    signal: AbortSignal.timeout(20_000),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  let body: any;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, bytes, body };
}

beforeAll(async () => {
  database = await createTestDatabase();
  s3 = await startFakeS3([BUCKET]);
  sendgrid = await startFakeSendGrid();
  odoo = await startFakeOdoo();
  const wiring = {
    secrets: generateSecrets(),
    databaseUrl: database.url,
    admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    sendgridUrl: sendgrid.url,
  };
  cms = await startTestCms(
    'whitepapers-s3-strapi',
    ownCmsEnv(wiring, {
      SALES_NOTIFY_EMAIL: 'sales@magnetiq.test',
      ODOO_URL: odoo.url,
      ODOO_DB: odoo.db,
      ODOO_USERNAME: odoo.login,
      ODOO_API_KEY: odoo.password,
      WHITEPAPERS_FILES_DIR: filesDir,
      WHITEPAPERS_INSTANT_DOWNLOAD: 'true',
      WHITEPAPERS_S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3.url,
      S3_REGION: 'eu-central-1',
      S3_ACCESS_KEY_ID: 'magnetiq-test',
      S3_SECRET_ACCESS_KEY: 'magnetiq-test-secret',
      // the media's ACL must never reach the private bucket
      S3_ACL: 'public-read',
    }),
  );
  const login = await call('/admin/login', { method: 'POST', json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  expect(login.status).toBe(200);
  token = login.body.data.token;
}, 180_000);

afterAll(async () => {
  await cms?.stop();
  await s3?.close();
  await sendgrid?.close();
  await odoo?.close();
  await database?.drop();
  fs.rmSync(filesDir, { recursive: true, force: true });
}, 60_000);

describe('whitepapers in a private S3 bucket', () => {
  it('upload → bucket (private), request → signed link → the same bytes, streamed as an attachment', async () => {
    const created = await call('/whitepapers/papers', {
      method: 'POST',
      json: { title: 'Bucket Basics', slug: 'bucket-basics', gated: true, publish: true, topics: [] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const documentId = created.body.data.documentId as string;

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'Bucket Basics.pdf');
    const upload = await call(`/whitepapers/papers/${documentId}/file`, { method: 'POST', body: form });
    expect(upload.status, JSON.stringify(upload.body)).toBe(200);

    // in the bucket under the prefix, signed, never public; nothing in the local folder
    const key = `whitepapers/${PDF_SHA256}.pdf`;
    expect(s3.objects.get(`${BUCKET}/${key}`)?.body.equals(PDF)).toBe(true);
    const puts = s3.puts.filter((put) => put.key === key);
    expect(puts.length).toBeGreaterThan(0);
    for (const put of puts) {
      expect(put.acl === null || put.acl === 'private', `ACL ${put.acl}`).toBe(true);
      expect(put.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=magnetiq-test\//);
    }
    expect(fs.readdirSync(filesDir)).toEqual([]);

    const request = await call('/api/whitepapers/requests', {
      method: 'POST',
      json: {
        whitepaper: documentId,
        locale: 'en',
        email: uniqueEmail('s3-paper'),
        firstName: 'Ada',
        lastName: 'Lovelace',
        consent: { dataProcessing: true, textVersion: 'whitepaper-2026-11' },
      },
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const link = request.body.data.downloadUrl as string;
    expect(link).toMatch(/\/api\/whitepapers\/download\//);

    const download = await call(new URL(link).pathname);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('content-length')).toBe(String(PDF.length));
    expect(download.bytes.equals(PDF)).toBe(true);

    // the signed-link check still holds: a changed token is refused, the bucket's object is not reached
    const forged = `${link.slice(0, -2)}${link.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await call(new URL(forged).pathname)).status).toBe(403);
    // a lost object: the link answers "no longer available", not a 500
    s3.objects.delete(`${BUCKET}/${key}`);
    expect((await call(new URL(link).pathname)).status).toBe(410);
  });
});
