import { requireEnv } from '../src/secrets';

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
});
