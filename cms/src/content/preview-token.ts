import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

export const PREVIEW_TOKEN_NAME = 'Site preview (drafts)';

interface TokenService {
  getByName: (name: string, options?: { includeDecryptedKey?: boolean }) => Promise<any>;
  create: (attributes: Record<string, unknown>) => Promise<{ accessKey: string }>;
  revoke: (id: number) => Promise<unknown>;
}

/**
 * With PREVIEW_API_TOKEN_FILE set (npm start sets it), makes sure a read-only API token for the
 * preview server exists and writes its key to that file (mode 0600), where the preview server
 * reads it (CMS_API_TOKEN_FILE). The key never reaches a browser: the preview server fetches
 * drafts with it server-side. Strapi keeps the key encrypted (ENCRYPTION_KEY), so the same token
 * is written again on every boot; one whose key cannot be read back is replaced.
 */
export async function provisionPreviewToken(strapi: Core.Strapi, file = process.env.PREVIEW_API_TOKEN_FILE) {
  if (!file) return;
  const tokens = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  let token = await tokens.getByName(PREVIEW_TOKEN_NAME, { includeDecryptedKey: true });
  if (token && !token.accessKey) {
    await tokens.revoke(token.id);
    token = null;
  }
  token ??= await tokens.create({
    name: PREVIEW_TOKEN_NAME,
    description: 'Read-only: the preview server fetches drafts with it (created by the CMS, PREVIEW_API_TOKEN_FILE).',
    type: 'read-only',
    lifespan: null,
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, token.accessKey, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}
