import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompress } from './precompress.mjs';

describe('precompress', () => {
  it('writes gzip and brotli copies of text files that decode to the original, and skips tiny and binary files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-precompress-'));
    try {
      const html = `<!doctype html>${'<p>Whitepapers and webinars</p>'.repeat(50)}`;
      fs.mkdirSync(path.join(dir, '_astro'));
      fs.writeFileSync(path.join(dir, 'index.html'), html);
      fs.writeFileSync(path.join(dir, '_astro', 'tiny.js'), 'let a=1;');
      fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(4096, 7));
      expect(precompress(dir)).toBe(1);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'index.html.gz'))).toString()).toBe(html);
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'index.html.br'))).toString()).toBe(html);
      expect(fs.existsSync(path.join(dir, '_astro', 'tiny.js.gz'))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'logo.png.gz'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
