#!/usr/bin/env node
/**
 * Stand-in for `docker compose config -q` where no Compose v2 is installed (this machine has only
 * the docker client): parses docker-compose.yml, interpolates ${...} the way Compose does (the
 * environment, then .env beside the file), validates against the Compose Specification JSON
 * schema (config/compose-spec.json, from compose-spec/compose-go, Apache-2.0) and checks that
 * Dockerfiles, bind-mount sources, named volumes and depends_on targets exist.
 *
 *   node scripts/lib/compose-check.mjs [dir]      (exit 1 with the problems)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT } from './paths.mjs';

function interpolator(env) {
  const interpolate = (text, where) => {
    let out = '';
    for (let i = 0; i < text.length;) {
      if (text[i] !== '$') {
        out += text[i++];
        continue;
      }
      if (text[i + 1] === '$') {
        out += '$';
        i += 2;
        continue;
      }
      if (text[i + 1] === '{') {
        let depth = 1;
        let j = i + 2;
        for (; j < text.length && depth; j++) depth += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0;
        if (depth) throw new Error(`${where}: unterminated \${ in ${text}`);
        const match = text.slice(i + 2, j - 1).match(/^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/);
        if (!match) throw new Error(`${where}: invalid interpolation format for ${text}`);
        const [, name, op, arg = ''] = match;
        const value = env[name];
        const unsetOrEmpty = value === undefined || (op?.startsWith(':') && value === '');
        if (!op) out += value ?? '';
        else if (op.endsWith('-')) out += unsetOrEmpty ? interpolate(arg, where) : value;
        else if (op.endsWith('?')) {
          if (unsetOrEmpty) throw new Error(`${where}: required variable ${name} is missing a value: ${arg}`);
          out += value;
        } else out += unsetOrEmpty ? '' : interpolate(arg, where);
        i = j;
        continue;
      }
      const bare = text.slice(i + 1).match(/^[A-Za-z_][A-Za-z0-9_]*/);
      if (!bare) throw new Error(`${where}: invalid interpolation format for ${text}`);
      out += env[bare[0]] ?? '';
      i += 1 + bare[0].length;
    }
    return out;
  };
  const walk = (node, where) => {
    if (typeof node === 'string') return interpolate(node, where);
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${where}[${index}]`));
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, `${where}.${key}`)]));
    return node;
  };
  return walk;
}

/** Problems of the compose file in `dir` (empty when it is valid). */
export function checkCompose(dir = ROOT, env = process.env, file = 'docker-compose.yml') {
  const dotenv = path.join(dir, '.env');
  const merged = { ...env };
  if (fs.existsSync(dotenv)) {
    for (const line of fs.readFileSync(dotenv, 'utf8').split('\n')) {
      const match = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/);
      if (match && !(match[1] in env)) merged[match[1]] = match[2];
    }
  }
  try {
    const document = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'), { strict: true, uniqueKeys: true });
    const resolved = interpolator(merged)(document, '');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'compose-spec.json'), 'utf8')));
    if (!validate(resolved))
      return validate.errors.map(
        (error) =>
          `${error.instancePath || '/'} ${error.message}${error.params?.additionalProperty ? `: ${error.params.additionalProperty}` : ''}`,
      );
    const problems = [];
    for (const [name, service] of Object.entries(resolved.services ?? {})) {
      if (service.build) {
        const dockerfile = path.join(dir, service.build.context ?? '.', service.build.dockerfile ?? 'Dockerfile');
        if (!fs.existsSync(dockerfile)) problems.push(`${name}: no Dockerfile at ${path.relative(dir, dockerfile)}`);
      }
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
        if (!source) continue;
        if (source.startsWith('.') || source.startsWith('/')) {
          if (source.startsWith('.') && !fs.existsSync(path.join(dir, source)))
            problems.push(`${name}: bind source ${source} does not exist`);
        } else if (!(source in (resolved.volumes ?? {}))) problems.push(`${name}: volume ${source} is not declared`);
      }
      const dependsOn = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const target of dependsOn)
        if (!resolved.services[target]) problems.push(`${name}: depends_on unknown service ${target}`);
    }
    return problems;
  } catch (error) {
    return [error.message];
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = checkCompose(process.argv[2] ? path.resolve(process.argv[2]) : ROOT);
  for (const problem of problems) console.error(problem);
  console.log(problems.length ? `docker-compose.yml: ${problems.length} problem(s)` : 'docker-compose.yml is valid');
  process.exit(problems.length ? 1 : 0);
}
