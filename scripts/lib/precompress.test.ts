import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompress } from './precompress.mjs';

describe('precompress', () => {
  it('writes gzip and brotli copies of text files that decode to the original, and skips tiny and binary files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-precompress-'));
    try {
      const html = `<!doctype html>${'<p>Whitepapers and webinars</p>'.repeat(50)}`;
      fs.mkdirSync(path.join(dir, '_astro'));
      fs.writeFileSync(path.join(dir, 'index.html'), html);
      fs.writeFileSync(path.join(dir, '_astro', 'tiny.js'), 'let a=1;');
      fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(4096, 7));
      expect(await precompress(dir)).toBe(1);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'index.html.gz'))).toString()).toBe(html);
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'index.html.br'))).toString()).toBe(html);
      expect(fs.existsSync(path.join(dir, '_astro', 'tiny.js.gz'))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'logo.png.gz'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the copies of unchanged files from the cache, compresses changed ones, and drops copies no build uses', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-precompress-'));
    const cacheDir = path.join(dir, 'cache');
    const site = path.join(dir, 'site');
    try {
      const page = (text: string) => `<!doctype html>${`<p>${text}</p>`.repeat(50)}`;
      fs.mkdirSync(site);
      fs.writeFileSync(path.join(site, 'a.html'), page('unchanged'));
      fs.writeFileSync(path.join(site, 'b.html'), page('before the edit'));
      expect(await precompress(site, { cacheDir })).toBe(2);
      expect(fs.readdirSync(cacheDir)).toHaveLength(4);

      // a cached copy that is not what the content compresses to shows whether the cache was used
      const unchangedKey = `${crypto.createHash('sha256').update(page('unchanged')).digest('hex')}.gz`;
      fs.writeFileSync(path.join(cacheDir, unchangedKey), zlib.gzipSync('from the cache'));
      fs.writeFileSync(path.join(site, 'b.html'), page('after the edit'));
      for (const ext of ['.gz', '.br']) fs.rmSync(path.join(site, `a.html${ext}`));
      await new Promise((resolve) => setTimeout(resolve, 1100));

      expect(await precompress(site, { cacheDir })).toBe(2);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(site, 'a.html.gz'))).toString()).toBe('from the cache');
      expect(zlib.gunzipSync(fs.readFileSync(path.join(site, 'b.html.gz'))).toString()).toBe(page('after the edit'));
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(site, 'b.html.br'))).toString()).toBe(
        page('after the edit'),
      );
      // the copies of "before the edit" are gone, the two current files' copies remain
      expect(fs.readdirSync(cacheDir)).toHaveLength(4);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
