import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { resolveStoredFile, STORED_FILE_KEY } from '../domain/stored-file';

/**
 * Where whitepaper files are kept: a private local folder (one instance, or a shared volume) or a
 * private S3 bucket (several instances, issue 19). Either way the CMS streams the bytes itself
 * behind the signed-link check: nothing here hands out a URL.
 */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  /** Stores the file at `sourcePath` under `key` (a key `storedFileKey` made). */
  put(key: string, sourcePath: string): Promise<void>;
  /** The stored bytes and their size, or null when the key is not one we make or nothing is stored under it. */
  open(key: unknown): Promise<{ body: Readable; size: number } | null>;
}

export function localStorage(dir: string): FileStorage {
  return {
    kind: 'local',
    async put(key, sourcePath) {
      const target = resolveStoredFile(dir, key);
      if (!target) throw new Error('whitepapers: not a stored file key');
      await fsp.mkdir(dir, { recursive: true, mode: 0o750 });
      const partial = `${target}.${process.pid}.partial`;
      await fsp.copyFile(sourcePath, partial);
      await fsp.rename(partial, target);
      await fsp.chmod(target, 0o640);
    },
    async open(key) {
      // The key is checked again here, not only where it is written: a forged key would otherwise
      // let the download routes serve any file the CMS can read (ADR 0017).
      const filePath = resolveStoredFile(dir, key);
      if (!filePath) return null;
      const stat = await fsp.stat(filePath).catch(() => null);
      if (!stat?.isFile()) return null;
      // the size on disk, not the column: Content-Length must describe the bytes we send
      return { body: fs.createReadStream(filePath), size: stat.size };
    },
  };
}

export interface S3StorageOptions {
  bucket: string;
  /** prepended to every key, e.g. `whitepapers/` */
  prefix: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/** No object under the key; a missing bucket (also a 404) is a misconfiguration and stays an error. */
const isMissing = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound');

export function s3Storage(options: S3StorageOptions, client?: S3Client): FileStorage {
  const s3 =
    client ??
    new S3Client({
      region: options.region,
      endpoint: options.endpoint || undefined,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
      // plain PUT/GET: MinIO, R2 and older S3-compatible servers reject the newer default checksums
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  const objectKey = (key: unknown): string | null =>
    typeof key === 'string' && STORED_FILE_KEY.test(key) ? `${options.prefix}${key}` : null;
  return {
    kind: 's3',
    async put(key, sourcePath) {
      const Key = objectKey(key);
      if (!Key) throw new Error('whitepapers: not a stored file key');
      // A buffer (the upload is at most maxFileBytes): a signed PUT with a known length and hash.
      const body = await fsp.readFile(sourcePath);
      // No ACL: the object stays as private as the bucket. Never `public-read` (S3_ACL is the media's, not ours).
      await s3.send(new PutObjectCommand({ Bucket: options.bucket, Key, Body: body, ContentType: 'application/pdf' }));
    },
    async open(key) {
      const Key = objectKey(key);
      if (!Key) return null;
      try {
        const answer = await s3.send(new GetObjectCommand({ Bucket: options.bucket, Key }));
        if (!answer.Body || typeof answer.ContentLength !== 'number') return null;
        return { body: answer.Body as Readable, size: answer.ContentLength };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
  };
}
