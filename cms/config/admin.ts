import { requireEnv } from '../src/secrets';
import { createPreviewHandler, previewSettings } from '../src/content/preview';

export default ({ env }: { env: any }) => ({
  auth: { secret: requireEnv('ADMIN_JWT_SECRET') },
  apiToken: { salt: requireEnv('API_TOKEN_SALT') },
  transfer: { token: { salt: requireEnv('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: requireEnv('ENCRYPTION_KEY') },
  url: env('ADMIN_PATH', '/admin'),
  flags: {
    nps: false,
    promoteEE: false,
  },
  // The Preview side panel: drafts on the preview server (PREVIEW_URL, signed URLs), else the
  // entry's page on the site (src/content/preview.ts). Saving posts `strapiUpdate` to the panel,
  // and the preview page reloads itself.
  preview: {
    enabled: env.bool('PREVIEW_ENABLED', true),
    config: {
      allowedOrigins: [
        new URL(env('SITE_URL', 'http://localhost:4321')).origin,
        ...(previewSettings() ? [new URL(env('PREVIEW_URL')).origin] : []),
      ],
      handler: createPreviewHandler(env('SITE_URL', 'http://localhost:4321')),
    },
  },
});
