import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string;
    siteUrl: string;
    databaseUrl: string;
    sendgridUrl: string;
    adminEmail: string;
    adminPassword: string;
  }
}
