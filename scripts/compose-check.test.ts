import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCompose } from './lib/compose-check.mjs';

const ROOT = path.resolve(__dirname, '..');

/** A copy of the repository's compose file (and what it references) with one edit applied. */
function variant(edit: (yaml: string) => string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-'));
  fs.writeFileSync(
    path.join(dir, 'docker-compose.yml'),
    edit(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')),
  );
  for (const file of [
    'cms/Dockerfile',
    'site/Dockerfile',
    'config/nginx/site.conf',
    'config/nginx/security-headers.conf',
  ]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  return dir;
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification with no variables set', () => {
    expect(checkCompose(ROOT, {})).toEqual([]);
  });

  it('is valid with every secret set', () => {
    const env = Object.fromEntries(
      [
        'POSTGRES_PASSWORD',
        'APP_KEYS',
        'API_TOKEN_SALT',
        'ADMIN_JWT_SECRET',
        'TRANSFER_TOKEN_SALT',
        'JWT_SECRET',
        'ENCRYPTION_KEY',
        'LEADS_TOKEN_SECRET',
      ].map((name) => [name, 'x']),
    );
    expect(checkCompose(ROOT, env)).toEqual([]);
  });

  it.each([
    [
      'an unknown service key',
      (yaml: string) =>
        yaml.replace('    restart: unless-stopped\n', '    restart: unless-stopped\n    restartt: always\n'),
      /restartt/,
    ],
    [
      'a missing Dockerfile',
      (yaml: string) => yaml.replace('dockerfile: cms/Dockerfile', 'dockerfile: cms/Nope.Dockerfile'),
      /no Dockerfile/,
    ],
    [
      'a broken interpolation',
      (yaml: string) => yaml.replace('${POSTGRES_PASSWORD:-}', '${POSTGRES_PASSWORD:-'),
      /unterminated|invalid interpolation/,
    ],
  ])('catches %s', (_label, edit, problem) => {
    const problems = checkCompose(variant(edit), {});
    expect(problems.join('\n')).toMatch(problem);
  });
});
