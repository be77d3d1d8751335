import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeS3Put {
  bucket: string;
  key: string;
  /** the x-amz-acl header of the PUT, null when none was sent */
  acl: string | null;
  authorization: string | null;
}

/**
 * A small S3-compatible server for tests: path-style `/<bucket>/<key>` PUT, GET, HEAD and DELETE of
 * objects, in memory. It records the ACL header of every PUT so a test can assert an object was
 * never written public. It does not check signatures, only that one was sent.
 */
export async function startFakeS3(buckets: string[]) {
  const objects = new Map<string, { body: Buffer; contentType: string; acl: string | null }>();
  const puts: FakeS3Put[] = [];
  const error = (res: http.ServerResponse, status: number, code: string, head: boolean) => {
    res.writeHead(status, { 'Content-Type': 'application/xml' });
    res.end(
      head
        ? undefined
        : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
    );
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const [, bucket = '', ...rest] = url.pathname.split('/');
      const key = rest.map(decodeURIComponent).join('/');
      const head = req.method === 'HEAD';
      if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256')) return error(res, 403, 'AccessDenied', head);
      if (!buckets.includes(bucket)) return error(res, 404, 'NoSuchBucket', head);
      if (!key) return error(res, 400, 'InvalidRequest', head);
      const id = `${bucket}/${key}`;
      if (req.method === 'PUT') {
        const acl = typeof req.headers['x-amz-acl'] === 'string' ? req.headers['x-amz-acl'] : null;
        puts.push({ bucket, key, acl, authorization: req.headers.authorization ?? null });
        const body = Buffer.concat(chunks);
        objects.set(id, { body, contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'), acl });
        res.writeHead(200, { ETag: `"${body.length}"` });
        return res.end();
      }
      if (req.method === 'DELETE') {
        objects.delete(id);
        res.writeHead(204);
        return res.end();
      }
      if (req.method === 'GET' || head) {
        const object = objects.get(id);
        if (!object) return error(res, 404, head ? 'NotFound' : 'NoSuchKey', head);
        res.writeHead(200, { 'Content-Type': object.contentType, 'Content-Length': String(object.body.length) });
        return res.end(head ? undefined : object.body);
      }
      return error(res, 405, 'MethodNotAllowed', head);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    puts,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
