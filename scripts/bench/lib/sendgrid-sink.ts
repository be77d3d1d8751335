/**
 * The bench's SendGrid: POST /v3/mail/send answers 202 with an X-Message-Id, as the real API does,
 * and counts what arrived (by the idempotency key the CMS sends in custom_args) so a bench can
 * check that no email went out twice. The tests' full fake (tests/fakes/sendgrid.ts) validates
 * bodies and plays outages; here only the wire shape and the count matter.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startSendGridSink() {
  const byKey = new Map<string, number>();
  let received = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v3/mail/send') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"not found"}]}');
        return;
      }
      received += 1;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          custom_args?: { idempotency_key?: string };
        };
        const key = body.custom_args?.idempotency_key;
        if (key) byKey.set(key, (byKey.get(key) ?? 0) + 1);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"errors":[{"message":"Bad Request"}]}');
        return;
      }
      res.writeHead(202, { 'X-Message-Id': crypto.randomBytes(11).toString('base64url') }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    duplicates: () => [...byKey.values()].filter((count) => count > 1).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
