import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string;
    siteUrl: string;
    databaseUrl: string;
    sendgridUrl: string;
    adminEmail: string;
    adminPassword: string;
    /** lets tests sign links the way the CMS does (e.g. an unsubscribe link) */
    leadsTokenSecret: string;
    /** the fake Odoo (tests/fakes/odoo/): XML-RPC, JSON-2 (as Odoo 19) and /__fake controls */
    odooUrl: string;
    /** the fake site build hook (tests/fakes/rebuild-receiver.ts) */
    rebuildReceiverUrl: string;
    /** SITE_REBUILD_WEBHOOK_SECRET of the test CMS, to verify signatures */
    rebuildSecret: string;
    /** the CMS's secrets, for a second process on the same database (the seed script) */
    cmsSecrets: Record<string, string>;
    /** the whole environment of the test CMS (secrets included), for a second instance on its database */
    cmsEnv: Record<string, string>;
    /** lets tests sign download links, e.g. one that has already expired */
    whitepapersTokenSecret: string;
    /** where this run's CMS keeps whitepaper files */
    whitepapersDir: string;
    /** METRICS_TOKEN of the test CMS (GET /metrics with Authorization: Bearer) */
    metricsToken: string;
    /** the test CMS's stdout/stderr (JSON log lines) */
    strapiLogFile: string;
    /** the site's own rebuild receiver (scripts/lib/site-rebuild.mjs): POST a signed site.rebuild here */
    siteRebuildHookUrl: string;
    /** GET: the receiver's build counters ({ succeeded, failed, building, … }) */
    siteRebuildStatusUrl: string;
    siteRebuildSecret: string;
    /** the fake Google Calendar + token endpoint (tests/fakes/google-calendar.ts) with /__fake controls */
    googleUrl: string;
    /** the preview server's port (PREVIEW_URL of the CMS), PREVIEW_SECRET and the file the CMS writes its API token to */
    preview: { port: number; secret: string; tokenFile: string };
  }
}
