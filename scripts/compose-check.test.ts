import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
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

  it('wires the site-builder: the cms posts to it, it and nginx share the build volume', () => {
    const compose = YAML.parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'));
    const { cms, site, 'site-builder': builder } = compose.services;
    expect(builder.build).toMatchObject({ dockerfile: 'site/Dockerfile', target: 'builder' });
    expect(fs.readFileSync(path.join(ROOT, 'site/Dockerfile'), 'utf8')).toMatch(/^FROM deps AS builder$/m);
    const port = builder.environment.SITE_BUILDER_PORT;
    expect(cms.environment.SITE_REBUILD_WEBHOOK_URL).toContain(`http://site-builder:${port}/hooks/site-rebuild`);
    expect(builder.environment.SITE_REBUILD_WEBHOOK_SECRET).toBe(cms.environment.SITE_REBUILD_WEBHOOK_SECRET);
    expect(builder.volumes).toContain(`site:${builder.environment.SITE_BUILDER_DIR}`);
    expect(site.volumes).toContain('site:/srv/site');
    expect(fs.readFileSync(path.join(ROOT, 'config/nginx/site.conf'), 'utf8')).toMatch(/root \/srv\/site\/current;/);
  });
});
