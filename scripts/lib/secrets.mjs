import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CMS_DIR } from './paths.mjs';

/** Every secret the CMS needs; cms/src/secrets.ts lists the same names. */
export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'LEADS_TOKEN_SECRET',
  'WHITEPAPERS_TOKEN_SECRET',
  'CALENDAR_TOKEN_KEY',
];

const random = () => crypto.randomBytes(32).toString('base64url');

export function generateSecrets() {
  const secrets = {};
  for (const name of SECRET_NAMES) {
    secrets[name] = name === 'APP_KEYS' ? [random(), random(), random(), random()].join(',') : random();
  }
  return secrets;
}

/** Reads KEY=VALUE lines (the subset of dotenv that we write ourselves). */
export function readEnvFile(file) {
  if (!fs.existsSync(file)) return {};
  const values = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return values;
}

/**
 * Development only: secrets missing from the environment are generated once and kept in
 * cms/.env (git-ignored, mode 600), so sessions and JWTs survive restarts.
 * Production never generates: a missing secret is reported by checkProductionSecrets.
 */
export function ensureDevelopmentSecrets(env = process.env) {
  const file = path.join(CMS_DIR, '.env');
  const stored = readEnvFile(file);
  const missing = SECRET_NAMES.filter((name) => !env[name] && !stored[name]);
  if (missing.length > 0) {
    const fresh = generateSecrets();
    const lines = missing.map((name) => `${name}=${fresh[name]}`);
    const prefix = fs.existsSync(file) && !fs.readFileSync(file, 'utf8').endsWith('\n') ? '\n' : '';
    fs.appendFileSync(file, prefix + lines.join('\n') + '\n', { mode: 0o600 });
    Object.assign(stored, Object.fromEntries(missing.map((name) => [name, fresh[name]])));
    console.log(`[magnetiq] generated ${missing.length} development secret(s) into cms/.env`);
  }
  const merged = {};
  for (const name of SECRET_NAMES) merged[name] = env[name] || stored[name];
  return merged;
}

export function missingSecrets(env = process.env) {
  return SECRET_NAMES.filter((name) => !env[name]);
}
