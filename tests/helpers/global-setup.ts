/**
 * One real system per test run: a fresh PostgreSQL database, the fake third parties, the built
 * CMS started with `strapi start`, and the built site served statically. Torn down afterwards,
 * database dropped.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DATA_DIR } from '../../scripts/lib/paths.mjs';
import { generateSecrets } from '../../scripts/lib/secrets.mjs';
import { assertPluginsBuilt, buildCms, buildPlugins, buildSite, buildSiteInto } from '../../scripts/lib/build.mjs';
import { startStrapi } from '../../scripts/lib/strapi.mjs';
import { nginxSecurityHeaders, serveSite } from '../../scripts/lib/site-server.mjs';
import { startSiteRebuilder } from '../../scripts/lib/site-rebuild.mjs';
import { withLocalSiteOrigins } from '../../scripts/lib/site-origins.mjs';
import { createTestDatabase } from './database';
import { startFakeSendGrid } from '../fakes/sendgrid';
import { startFakeOdoo } from '../fakes/odoo';
import { startFakeRebuildReceiver } from '../fakes/rebuild-receiver';
import { startFakeGoogleCalendar } from '../fakes/google-calendar';
import { freePort } from './ports';

export const ADMIN_EMAIL = 'admin@magnetiq.test';
export const ADMIN_PASSWORD = 'Test-Passw0rd!';

export default async function setup(project: TestProject) {
  const cleanups: Array<() => Promise<unknown>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  };

  try {
    const log = (line: string) => console.log(line);
    await buildPlugins({ log });
    assertPluginsBuilt();
    await buildCms({ log });

    const database = await createTestDatabase();
    cleanups.push(database.drop);

    const sendgrid = await startFakeSendGrid();
    cleanups.push(sendgrid.close);

    const odoo = await startFakeOdoo();
    cleanups.push(odoo.close);
    const rebuildReceiver = await startFakeRebuildReceiver();
    cleanups.push(rebuildReceiver.close);
    const rebuildSecret = crypto.randomBytes(24).toString('base64url');
    // booking + calendar-sync: a service account whose key only this run knows, and the fake Google that checks it
    const googleKeys = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const googleServiceAccount = 'magnetiq-test@magnetiq-test.iam.gserviceaccount.com';
    // hosts who connect their own calendar: an OAuth client only this run knows (docs/google-calendar.md)
    const googleOAuthClient = {
      clientId: `${crypto.randomBytes(6).toString('hex')}.apps.googleusercontent.test`,
      clientSecret: `GOCSPX-${crypto.randomBytes(18).toString('base64url')}`,
    };
    const google = await startFakeGoogleCalendar({
      serviceAccountEmail: googleServiceAccount,
      publicKey: googleKeys.publicKey,
      oauthClient: googleOAuthClient,
    });
    cleanups.push(google.close);

    const logDir = path.join(DATA_DIR, 'test-logs');
    fs.mkdirSync(logDir, { recursive: true });
    const logFile = path.join(logDir, 'strapi.log');
    const logStream = fs.openSync(logFile, 'w');

    // Whitepaper files of this run only, outside the CMS's public folder; removed afterwards.
    const whitepapersDir = fs.mkdtempSync(path.join(DATA_DIR, 'test-whitepapers-'));
    cleanups.push(async () => fs.rmSync(whitepapersDir, { recursive: true, force: true }));

    const port = await freePort();
    // The site's port is known before the CMS starts: its origin must be allowed for form posts.
    const sitePort = await freePort();
    const siteOrigin = `http://127.0.0.1:${sitePort}`;
    const secrets = generateSecrets();
    // the preview server (tests/integration/preview.test.ts builds and starts it): its address and
    // secret are the CMS's settings; the CMS writes the preview API token into a file of this run
    const preview = {
      port: await freePort(),
      secret: crypto.randomBytes(24).toString('base64url'),
      tokenFile: path.join(fs.mkdtempSync(path.join(DATA_DIR, 'test-preview-')), 'preview-api-token'),
    };
    cleanups.push(async () => fs.rmSync(path.dirname(preview.tokenFile), { recursive: true, force: true }));
    const metricsToken = crypto.randomBytes(24).toString('base64url');
    // the CMS's whole environment: a second instance on the same database (scale-out test) takes it too
    const cmsEnv: Record<string, string> = {
      NODE_ENV: 'test',
      // the OpenAPI document: the HTTP helper checks every answer against it (tests/helpers/http.ts)
      API_DOCS: 'true',
      ...secrets,
      DATABASE_URL: database.url,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // Tests give each client its own X-Forwarded-For address so rate limits stay per test;
      // one proxy hop, as behind the nginx of docs/operations.md (trust-proxy.test.ts).
      TRUST_PROXY: '1',
      SENDGRID_API_KEY: 'SG.test-key',
      SENDGRID_BASE_URL: sendgrid.url,
      // newsletter: the fake signs its event webhook posts with the key whose public half this is
      SENDGRID_WEBHOOK_PUBLIC_KEY: sendgrid.webhookPublicKey,
      NEWSLETTER_POSTAL_ADDRESS: 'Magnetiq GmbH, Teststraße 1, 10115 Berlin, Germany',
      SALES_NOTIFY_EMAIL: 'sales@magnetiq.test',
      OUTBOX_POLL_MS: '200',
      OUTBOX_BASE_DELAY_MS: '100',
      OUTBOX_MAX_DELAY_MS: '1000',
      OUTBOX_MAX_ATTEMPTS: '4',
      OUTBOX_PROCESSING_TIMEOUT_MS: '3000',
      // erase: the delivery retention job every 2 s (it only deletes rows older than 90 days)
      DELIVERY_RETENTION_CRON: '*/2 * * * * *',
      ODOO_URL: odoo.url,
      ODOO_DB: odoo.db,
      ODOO_USERNAME: odoo.login,
      ODOO_API_KEY: odoo.password,
      // odoo-sync.test.ts switches the fake between Odoo 17 and 19 and runs every test over both protocols
      ODOO_PROTOCOL: 'auto',
      ODOO_TIMEOUT_MS: '2000',
      // odoo-sync.test.ts's flapping Odoo drops 30 % of calls and a batch makes several, and these retries
      // come every 0.1–1 s: 30 attempts (~18 s) ran out for one lead in a CI run under load (2026-12-07)
      ODOO_MAX_ATTEMPTS: '100',
      ODOO_BREAKER_MIN_CALLS: '5',
      ODOO_BREAKER_WINDOW_MS: '10000',
      ODOO_BREAKER_RESET_MS: '5000',
      // analytics: stage read-back only when a test asks for it (POST /odoo-sync/stages/read-back)
      ODOO_STAGE_READBACK: 'false',
      // analytics: every request computes its figures (tests compare before and after a change)
      ANALYTICS_CACHE_SECONDS: '0',
      SITE_URL: siteOrigin,
      // both local names of the site, as npm start configures them (tests/integration/cors.test.ts)
      CORS_ORIGINS: withLocalSiteOrigins('', sitePort),
      PREVIEW_URL: `http://127.0.0.1:${preview.port}`,
      PREVIEW_SECRET: preview.secret,
      PREVIEW_API_TOKEN_FILE: preview.tokenFile,
      // content: a scheduler tick every 2 s, rebuild webhook to the local receiver, short debounce
      SCHEDULER_CRON: '*/2 * * * * *',
      SITE_REBUILD_WEBHOOK_URL: rebuildReceiver.hookUrl,
      SITE_REBUILD_WEBHOOK_SECRET: rebuildSecret,
      SITE_REBUILD_DEBOUNCE_MS: '1000',
      WHITEPAPERS_FILES_DIR: whitepapersDir,
      // ops: the metrics endpoint's token; rate limits shared through the machine's Redis
      // (the test run's own key prefix, so earlier runs' counters never apply)
      METRICS_TOKEN: metricsToken,
      REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `magnetiq-test-${crypto.randomBytes(4).toString('hex')}`,
      // webinars: the reminder job's clock is moved by the tests through the admin route
      WEBINARS_TEST_CLOCK: 'true',
      WEBINARS_REMINDER_INTERVAL_MS: '0',
      WEBINARS_ORGANIZER_EMAIL: 'events@magnetiq.test',
      // booking: short retries against the fake Google, the cache of hosts short enough for tests that edit them
      GOOGLE_CALENDAR_ROOT_URL: `${google.url}/`,
      GOOGLE_TOKEN_URL: `${google.url}/token`,
      GOOGLE_SERVICE_ACCOUNT_EMAIL: googleServiceAccount,
      GOOGLE_SERVICE_ACCOUNT_PRIVATE_KEY: googleKeys.privateKey,
      GOOGLE_OAUTH_CLIENT_ID: googleOAuthClient.clientId,
      GOOGLE_OAUTH_CLIENT_SECRET: googleOAuthClient.clientSecret,
      GOOGLE_OAUTH_AUTH_URL: `${google.url}/o/oauth2/v2/auth`,
      GOOGLE_OAUTH_REVOKE_URL: `${google.url}/revoke`,
      CALENDAR_BUSY_TTL_MS: '500',
      CALENDAR_MAX_ATTEMPTS: '60',
      CALENDAR_RATE_LIMIT_DELAY_MS: '100',
      CALENDAR_REQUEST_TIMEOUT_MS: '2000',
      CALENDAR_REFRESH_CRON: '',
      BOOKING_BUSY_TIMEOUT_MS: '300',
      CALENDAR_NOT_CONFIGURED_DELAY_MS: '500',
      // editorial: due releases looked for every 300 ms on every instance
      EDITORIAL_RELEASE_POLL_MS: '300',
    };
    let cms;
    try {
      cms = await startStrapi({
        port,
        stdio: ['ignore', logStream, logStream],
        timeoutMs: 120_000,
        env: cmsEnv,
      });
    } catch (error) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(`${(error as Error).message}\n--- last lines of ${logFile} ---\n${tail}`, { cause: error });
    }
    cleanups.push(() => cms.stop());

    // The cookie banner loads this analytics script only after consent (tests/e2e/cookie-consent.test.ts
    // answers it in the browser; nothing listens on that host).
    const siteBuildEnv = { PUBLIC_ANALYTICS_SRC: 'https://analytics.magnetiq.test/script.js' };
    await buildSite({ cmsUrl: cms.url, force: true, log, env: siteBuildEnv });
    // the production CSP and security headers (config/nginx), so every browser test runs under them
    const site = await serveSite({
      port: sitePort,
      headers: nginxSecurityHeaders({
        cmsOrigin: new URL(cms.url).origin,
        analyticsOrigin: 'https://analytics.magnetiq.test',
      }),
    });
    cleanups.push(site.close);
    // The start script's rebuild receiver, for tests that publish content the site must show.
    const siteBuildsDir = fs.mkdtempSync(path.join(DATA_DIR, 'test-site-builds-'));
    cleanups.push(async () => fs.rmSync(siteBuildsDir, { recursive: true, force: true }));
    const siteRebuildSecret = crypto.randomBytes(24).toString('base64url');
    const siteRebuilder = await startSiteRebuilder({
      site,
      secret: siteRebuildSecret,
      buildsDir: siteBuildsDir,
      port: 0,
      debounceMs: 100,
      log,
      buildInto: (dir: string) => buildSiteInto(dir, { cmsUrl: cms.url, env: siteBuildEnv }),
    });
    cleanups.push(siteRebuilder.close);

    project.provide('cmsUrl', cms.url);
    project.provide('siteUrl', site.url);
    project.provide('databaseUrl', database.url);
    project.provide('sendgridUrl', sendgrid.url);
    project.provide('adminEmail', ADMIN_EMAIL);
    project.provide('adminPassword', ADMIN_PASSWORD);
    project.provide('leadsTokenSecret', secrets.LEADS_TOKEN_SECRET);
    project.provide('odooUrl', odoo.url);
    project.provide('rebuildReceiverUrl', rebuildReceiver.url);
    project.provide('rebuildSecret', rebuildSecret);
    project.provide('cmsSecrets', secrets);
    project.provide('cmsEnv', cmsEnv);
    project.provide('whitepapersTokenSecret', secrets.WHITEPAPERS_TOKEN_SECRET);
    project.provide('whitepapersDir', whitepapersDir);
    project.provide('metricsToken', metricsToken);
    project.provide('strapiLogFile', logFile);
    project.provide('siteRebuildHookUrl', siteRebuilder.hookUrl);
    project.provide('siteRebuildStatusUrl', `${siteRebuilder.url}/status`);
    project.provide('siteRebuildSecret', siteRebuildSecret);
    project.provide('googleUrl', google.url);
    project.provide('preview', preview);
  } catch (error) {
    await teardown();
    throw error;
  }

  return teardown;
}

export const randomSuffix = () => crypto.randomBytes(4).toString('hex');
