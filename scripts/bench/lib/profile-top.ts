/**
 * The functions that took the most CPU in a V8 profile (`node --cpu-prof`, e.g. a bench with
 * `--profile`): self time and inclusive time per function, top N, as text for an ADR.
 *
 *   node scripts/bench/lib/profile-top.ts .data/profiles/CPU.….cpuprofile [--top 25] [--filter booking]
 *     [--from 40 --to 60] (only the samples in that window, seconds since the profile started:
 *     one phase of a bench; `--timeline` prints the busy share of every second to find it)
 *
 * Also self time by owner: our code (plugins, cms, the kit), Strapi, Koa, the database client
 * (pg, knex), other packages, Node's internals, the garbage collector and idle time.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    filter: { type: 'string', default: '' },
    from: { type: 'string', default: '0' },
    to: { type: 'string', default: 'Infinity' },
    timeline: { type: 'boolean', default: false },
  },
});
const profile = JSON.parse(fs.readFileSync(positionals[0], 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const self = new Map<number, number>();
const [fromUs, toUs] = [Number(values.from) * 1e6, Number(values.to) * 1e6];
const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
const busyPerSecond: Array<{ busy: number; all: number }> = [];
let at = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  at += delta;
  const second = (busyPerSecond[Math.floor(at / 1e6)] ??= { busy: 0, all: 0 });
  second.all += delta;
  if (!idle.has(id)) second.busy += delta;
  if (at < fromUs || at > toUs) return;
  self.set(id, (self.get(id) ?? 0) + delta);
});
if (values.timeline)
  busyPerSecond.forEach((second, index) =>
    console.log(
      `${String(index).padStart(4)} s  busy ${Math.round(((second?.busy ?? 0) / (second?.all || 1)) * 100)} %`,
    ),
  );
const total = [...self.values()].reduce((sum, value) => sum + value, 0);

const label = (node: ProfileNode) => {
  const file = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(plugins|cms)\//, '$1/');
  return `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
};
const selfBy = new Map<string, number>();
const inclusiveBy = new Map<string, number>();
for (const [id, time] of self) {
  const node = byId.get(id)!;
  selfBy.set(label(node), (selfBy.get(label(node)) ?? 0) + time);
  // inclusive: once per distinct function on the stack
  const seen = new Set<string>();
  for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
    const name = label(byId.get(current)!);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusiveBy.set(name, (inclusiveBy.get(name) ?? 0) + time);
  }
}
const top = Number(values.top);
const show = (title: string, map: Map<string, number>) => {
  console.log(`${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  [...map.entries()]
    .filter(([name]) => !values.filter || name.includes(values.filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([name, time]) =>
      console.log(
        `${((time / total) * 100).toFixed(1).padStart(5)}%  ${(time / 1000).toFixed(0).padStart(6)} ms  ${name}`,
      ),
    );
};
show('self time', selfBy);
show('inclusive time', inclusiveBy);

/** Who owns a function: a package, our code, Node, or V8 itself. */
function owner(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (name.startsWith('@strapi/')) return 'strapi';
    if (/^(koa|@koa\/)/.test(name)) return 'koa';
    if (/^(pg|pg-.*|knex|tarn|postgres-.*)$/.test(name)) return 'database client (pg, knex)';
    return `package ${name}`;
  }
  const ours = /\/(plugins\/[^/]+|cms|packages\/[^/]+)\//.exec(url);
  if (ours) return `ours: ${ours[1]}`;
  return 'other';
}
const byOwner = new Map<string, number>();
for (const [id, time] of self) {
  const name = owner(byId.get(id)!);
  byOwner.set(name, (byOwner.get(name) ?? 0) + time);
}
show('self time by owner', byOwner);
