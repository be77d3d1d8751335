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
    /** the fake Odoo (tests/fakes/odoo.ts): XML-RPC plus /__fake controls */
    odooUrl: string;
    /** lets tests sign download links, e.g. one that has already expired */
    whitepapersTokenSecret: string;
    /** where this run's CMS keeps whitepaper files */
    whitepapersDir: string;
  }
}
