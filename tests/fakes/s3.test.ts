import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeS3 } from './s3';
import { localStorage, s3Storage, type FileStorage } from '../../plugins/whitepapers/server/src/storage';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(70_000, 0xe2), Buffer.from('\n%%EOF\n')]);
const KEY = `${'ab'.repeat(32)}.pdf`;

const read = async (body: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
};

let tmp: string;
let source: string;
let s3: Awaited<ReturnType<typeof startFakeS3>>;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'whitepapers-storage-'));
  source = path.join(tmp, 'upload.pdf');
  fs.writeFileSync(source, PDF);
  s3 = await startFakeS3(['papers']);
});
afterAll(async () => {
  await s3.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const s3Options = () => ({
  bucket: 'papers',
  prefix: 'whitepapers/',
  region: 'eu-central-1',
  endpoint: s3.url,
  accessKeyId: 'test-key',
  secretAccessKey: 'test-secret',
  forcePathStyle: true,
});

const storages: Array<[string, () => FileStorage]> = [
  ['local folder', () => localStorage(path.join(tmp, 'private'))],
  ['S3 bucket', () => s3Storage(s3Options())],
];

describe.each(storages)('whitepaper file storage: %s', (_name, make) => {
  it('gives back the stored bytes and their size', async () => {
    const storage = make();
    await storage.put(KEY, source);
    const stored = await storage.open(KEY);
    expect(stored?.size).toBe(PDF.length);
    expect((await read(stored!.body)).equals(PDF)).toBe(true);
  });

  it('answers null for a key nothing is stored under', async () => {
    expect(await make().open(`${'cd'.repeat(32)}.pdf`)).toBeNull();
  });

  it('never reads or writes a key the upload does not make', async () => {
    const storage = make();
    for (const key of ['../../.env', `${'ab'.repeat(32)}.pdf/../x`, 'a.pdf', null, 42])
      expect(await storage.open(key)).toBeNull();
    await expect(storage.put('../escape.pdf', source)).rejects.toThrow(/stored file key/);
  });
});

describe('whitepaper file storage: S3 bucket', () => {
  it('writes path-style under the prefix, signed, and never with a public ACL', async () => {
    const storage = s3Storage(s3Options());
    const key = `${'ef'.repeat(32)}.pdf`;
    await storage.put(key, source);
    const put = s3.puts.find((entry) => entry.key === `whitepapers/${key}`);
    expect(put).toMatchObject({ bucket: 'papers' });
    expect(put!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test-key\//);
    expect(put!.acl === null || put!.acl === 'private').toBe(true);
    expect(s3.puts.every((entry) => entry.acl === null || entry.acl === 'private')).toBe(true);
    expect(s3.objects.get(`papers/whitepapers/${key}`)?.contentType).toBe('application/pdf');
  });

  it('passes on errors other than a missing object (a wrong bucket is not "no file")', async () => {
    const storage = s3Storage({ ...s3Options(), bucket: 'elsewhere' });
    await expect(storage.open(KEY)).rejects.toThrow();
  });
});
