/**
 * What version history costs a save (issue 18, docs/adr/0026-editorial.md): a page with 10
 * sections saved through the Content Manager API (as the admin's Save button does), with the
 * editorial history on and off for pages, in alternating blocks so that drift of the machine hits
 * both alike. Every save changes the title and one section (a real change: an unchanged save
 * records no version).
 *
 * Boots the built CMS (NODE_ENV=production) on a scratch PostgreSQL database and writes
 * scripts/bench/results/editorial.json.
 *
 *   node scripts/bench/editorial.ts [--saves 60] [--blocks 4]
 */
import { parseArgs } from 'node:util';
import { log, machine, percentile, startBenchCms, writeResult } from './lib/harness.ts';

const { values: options } = parseArgs({
  options: {
    saves: { type: 'string', default: '60' },
    blocks: { type: 'string', default: '4' },
  },
});
const savesPerBlock = Math.max(1, Math.round(Number(options.saves) / Number(options.blocks)));
const blocks = Number(options.blocks);

const EMAIL = 'bench-admin@magnetiq.test';
const PASSWORD = 'Bench-Passw0rd!';
const PAGE = 'api::page.page';

const tenSections = (n: number) =>
  Array.from({ length: 10 }, (_, index) => {
    switch (index % 4) {
      case 0:
        return {
          __component: 'sections.hero',
          heading: `Hero ${index} rev ${n}`,
          subheading: 'Fast, open and ours',
          primaryCta: { label: 'Talk to us', url: '/en/contact/' },
        };
      case 1:
        return {
          __component: 'sections.faq',
          heading: `FAQ ${index}`,
          items: [
            { question: 'Why?', answer: 'Because.' },
            { question: 'How?', answer: 'Like this.' },
          ],
        };
      case 2:
        return {
          __component: 'sections.rich-text',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: `Paragraph ${index}, revision ${n}.` }] }],
        };
      default:
        return { __component: 'sections.contact-form', heading: `Write to us ${index}`, submitLabel: 'Send' };
    }
  });

async function main() {
  const cms = await startBenchCms({
    name: 'editorial',
    env: { SEED_DEMO_CONTENT: 'false', ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD },
  });
  try {
    const call = async (path: string, method = 'GET', body?: unknown, token?: string) => {
      const response = await fetch(`${cms.url}${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json: any = await response.json().catch(() => null);
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
      return json;
    };
    const token = (await call('/admin/login', 'POST', { email: EMAIL, password: PASSWORD })).data.token as string;
    const created = await call(
      `/content-manager/collection-types/${PAGE}?locale=en`,
      'POST',
      { title: 'Bench page', slug: 'bench-page', sections: tenSections(0) },
      token,
    );
    const documentId = created.data.documentId as string;
    const setHistory = (history: boolean) => call('/editorial/settings', 'PUT', { uid: PAGE, history }, token);

    let revision = 0;
    const save = async () => {
      revision += 1;
      const started = performance.now();
      await call(
        `/content-manager/collection-types/${PAGE}/${documentId}?locale=en`,
        'PUT',
        { title: `Bench page ${revision}`, sections: tenSections(revision) },
        token,
      );
      return performance.now() - started;
    };
    // warm-up: caches, JIT, connection pool
    for (let i = 0; i < 10; i++) await save();

    const timings: Record<'on' | 'off', number[]> = { on: [], off: [] };
    for (let block = 0; block < blocks * 2; block++) {
      const mode = block % 2 === 0 ? 'on' : 'off';
      await setHistory(mode === 'on');
      for (let i = 0; i < savesPerBlock; i++) timings[mode].push(await save());
    }
    await setHistory(true);
    const versions = await call(
      `/editorial/versions?uid=${encodeURIComponent(PAGE)}&documentId=${documentId}&locale=en&pageSize=1`,
      'GET',
      undefined,
      token,
    );

    const stats = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const round = (value: number) => Math.round(value * 10) / 10;
      return {
        saves: values.length,
        mean: round(values.reduce((sum, value) => sum + value, 0) / values.length),
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
      };
    };
    const on = stats(timings.on);
    const off = stats(timings.off);
    const ratio = Math.round((on.p50 / off.p50) * 1000) / 1000;
    log(`save with history on: p50 ${on.p50} ms, p95 ${on.p95} ms; off: p50 ${off.p50} ms, p95 ${off.p95} ms`);
    log(`history on / off (p50): ${ratio} (${Math.round((ratio - 1) * 1000) / 10}%)`);
    const result = {
      benchmark: 'editorial-history-save',
      at: new Date().toISOString(),
      machine: machine(),
      settings: {
        nodeEnv: 'production',
        sections: 10,
        savesPerBlock,
        blocks,
        request: `PUT /content-manager/collection-types/${PAGE}/:documentId (title and 3 sections changed)`,
      },
      historyOn: on,
      historyOff: off,
      ratioP50: ratio,
      ratioMean: Math.round((on.mean / off.mean) * 1000) / 1000,
      versionsRecorded: versions.meta.pagination.total,
      withinTarget: ratio <= 1.2,
    };
    writeResult('editorial.json', result);
  } finally {
    await cms.stop();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exit(1);
});
