import { open } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { HEAD_BYTES, judgeUpload } from './media-types';

/** A file as the multipart parser (formidable) hands it to Strapi's upload plugin. */
interface IncomingFile {
  filepath?: string;
  originalFilename?: string | null;
  name?: string;
  mimetype?: string | null;
  detectedMimeType?: string;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return new Uint8Array(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

const listOf = (files: unknown): IncomingFile[] =>
  files ? ((Array.isArray(files) ? files : [files]) as IncomingFile[]) : [];

/**
 * Judges every file of one request by its content before any is stored: one refused file refuses
 * the whole request (400, Strapi's ValidationError), so nothing is half-uploaded. An accepted file
 * gets the detected type, so the stored MIME type is the content's, not the browser's claim.
 */
export async function assertAllowedUploads(files: unknown): Promise<void> {
  const refused: Array<{ name: string; reason: string }> = [];
  for (const file of listOf(files)) {
    const name = file.originalFilename ?? file.name ?? '';
    if (!file.filepath) {
      refused.push({ name, reason: 'has no content to check' });
      continue;
    }
    const verdict = judgeUpload(name, await readHead(file.filepath));
    if (verdict.allowed) {
      file.mimetype = verdict.type.mime;
      file.detectedMimeType = verdict.type.mime;
    } else {
      refused.push({ name, reason: verdict.reason });
    }
  }
  if (refused.length > 0) {
    throw new errors.ValidationError(
      `File type not allowed: ${refused.map((file) => `${file.name || 'a file'} ${file.reason}`).join('; ')}`,
      { files: refused },
    );
  }
}

/**
 * The upload service is the one door to the media library (admin and content-API routes, the
 * seed, any plugin): wrapping it means no caller can store a file that skipped the check.
 */
export function guardUploadService(strapi: Core.Strapi) {
  strapi.get('services').extend('plugin::upload.upload', (service: any) => ({
    ...service,
    async upload(input: { data: unknown; files: unknown }, options?: unknown) {
      await assertAllowedUploads(input?.files);
      return service.upload(input, options);
    },
    async replace(id: unknown, input: { data: unknown; file: unknown }, options?: unknown) {
      await assertAllowedUploads(input?.file);
      return service.replace(id, input, options);
    },
  }));
}
