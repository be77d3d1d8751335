/**
 * A local stand-in for SendGrid's v3 Mail Send API (POST /v3/mail/send), following the public
 * documentation: 202 with an empty body and X-Message-Id on success; 400 with
 * `{ errors: [{ message, field, help }] }` for an invalid body; 401 for a bad key; 429 with
 * X-RateLimit-* headers; 5xx for outages. Tests steer it through /__fake/* endpoints.
 *
 * The Event Webhook too: `POST /__fake/events` `{ url, events, timestamp?, key? }` posts `events`
 * to `url` as SendGrid's Signed Event Webhook does (ECDSA P-256 / SHA-256 over timestamp + raw
 * body, base64 DER signature in X-Twilio-Email-Event-Webhook-Signature, the Unix time in
 * X-Twilio-Email-Event-Webhook-Timestamp), signed with this fake's key (its public half is
 * `webhookPublicKey`, base64 DER as SendGrid's settings show it); `key: "other"` signs with a
 * key nobody configured (a forgery). `POST /__fake/delay` `{ ms }` answers mail/send only after
 * `ms`: a message counts as accepted when its 202 is written, so a client killed while waiting
 * has not had its message accepted (the crash lands before SendGrid took the batch).
 */
import crypto from 'node:crypto';
import { listen, sendJson } from './http';

export interface SentMessage {
  id: string;
  receivedAt: string;
  body: any;
}

interface PlannedFailure {
  status: number;
  times: number;
  /** 429: X-RateLimit-Reset this many seconds from now (default 1) */
  resetSeconds?: number;
}

/** The headers and body SendGrid's Signed Event Webhook sends for `events`. */
export function signedEventRequest(events: unknown, privateKey: crypto.KeyObject, timestamp: number) {
  const body = JSON.stringify(events);
  const signature = crypto
    .sign('sha256', Buffer.from(`${timestamp}${body}`), { key: privateKey, dsaEncoding: 'der' })
    .toString('base64');
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Twilio-Email-Event-Webhook-Signature': signature,
      'X-Twilio-Email-Event-Webhook-Timestamp': String(timestamp),
    },
  };
}

export async function startFakeSendGrid({ apiKey = 'SG.test-key' } = {}) {
  let messages: SentMessage[] = [];
  let failures: PlannedFailure[] = [];
  let attempts = 0;
  let delayMs = 0;
  let inFlight = 0;
  const webhookKeys = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const forgeryKeys = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const webhookPublicKey = webhookKeys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

  const server = await listen(async (req, raw, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');

    if (url.pathname === '/__fake/messages' && req.method === 'GET')
      return sendJson(res, 200, { messages, attempts, inFlight });
    if (url.pathname === '/__fake/reset' && req.method === 'POST') {
      messages = [];
      failures = [];
      attempts = 0;
      delayMs = 0;
      return sendJson(res, 200, { ok: true });
    }
    if (url.pathname === '/__fake/delay' && req.method === 'POST') {
      delayMs = Number(JSON.parse(raw || '{}').ms ?? 0);
      return sendJson(res, 200, { ok: true });
    }
    if (url.pathname === '/__fake/events' && req.method === 'POST') {
      const plan = JSON.parse(raw || '{}') as { url: string; events: unknown; timestamp?: number; key?: 'other' };
      const signed = signedEventRequest(
        plan.events,
        plan.key === 'other' ? forgeryKeys.privateKey : webhookKeys.privateKey,
        plan.timestamp ?? Math.floor(Date.now() / 1000),
      );
      const response = await fetch(plan.url, { method: 'POST', headers: signed.headers, body: signed.body });
      return sendJson(res, 200, { status: response.status, body: await response.json().catch(() => null) });
    }
    if (url.pathname === '/__fake/fail' && req.method === 'DELETE') {
      failures = [];
      return sendJson(res, 200, { ok: true });
    }
    if (url.pathname === '/__fake/fail' && req.method === 'POST') {
      const plan = JSON.parse(raw || '{}') as PlannedFailure;
      failures.push({ status: plan.status ?? 500, times: plan.times ?? 1, resetSeconds: plan.resetSeconds });
      return sendJson(res, 200, { ok: true });
    }

    if (url.pathname !== '/v3/mail/send' || req.method !== 'POST') {
      return sendJson(res, 404, { errors: [{ field: null, message: 'resource not found', help: null }] });
    }
    attempts += 1;
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return sendJson(res, 401, {
        errors: [
          { field: null, message: 'The provided authorization grant is invalid, expired, or revoked', help: null },
        ],
      });
    }
    const planned = failures[0];
    if (planned) {
      planned.times -= 1;
      if (planned.times <= 0) failures.shift();
      if (planned.status === 429) {
        // SendGrid: the Unix time (seconds) at which the account's limit resets
        const reset = Math.ceil(Date.now() / 1000) + (planned.resetSeconds ?? 1);
        return sendJson(
          res,
          429,
          { errors: [{ field: null, message: 'too many requests', help: null }] },
          {
            'X-RateLimit-Limit': '600',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': String(reset),
          },
        );
      }
      return sendJson(res, planned.status, { errors: [{ field: null, message: 'Internal server error', help: null }] });
    }

    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { errors: [{ field: null, message: 'Bad Request', help: null }] });
    }
    const problems = validateMail(body);
    if (problems.length > 0) return sendJson(res, 400, { errors: problems });

    const id = crypto.randomBytes(11).toString('base64url');
    if (delayMs > 0) {
      let gone = false;
      res.on('close', () => {
        if (!res.writableEnded) gone = true;
      });
      inFlight += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      inFlight -= 1;
      if (gone || res.destroyed) return;
    }
    messages.push({ id, receivedAt: new Date().toISOString(), body });
    res.writeHead(202, { 'X-Message-Id': id });
    res.end();
  });

  return { url: server.url, close: server.close, webhookPublicKey, webhookPrivateKey: webhookKeys.privateKey };
}

function validateMail(body: any) {
  const problems: Array<{ message: string; field: string | null; help: string | null }> = [];
  const help = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html';
  if (!Array.isArray(body?.personalizations) || body.personalizations.length === 0) {
    problems.push({
      message: 'The personalizations field is required and must have at least one personalization.',
      field: 'personalizations',
      help,
    });
  } else {
    body.personalizations.forEach((p: any, index: number) => {
      if (
        !Array.isArray(p.to) ||
        p.to.length === 0 ||
        p.to.some((to: any) => !/^[^@\s]+@[^@\s]+$/.test(to?.email ?? ''))
      ) {
        problems.push({ message: 'Does not contain a valid address.', field: `personalizations.${index}.to`, help });
      }
    });
  }
  if (!body?.from?.email)
    problems.push({ message: 'The from object must be provided for every email send.', field: 'from', help });
  if (!body?.subject && !body?.personalizations?.every((p: any) => p.subject)) {
    problems.push({ message: 'The subject is required.', field: 'subject', help });
  }
  if (!Array.isArray(body?.content) || body.content.length === 0) {
    problems.push({
      message: 'Unless a valid template_id is provided, the content parameter is required.',
      field: 'content',
      help,
    });
  }
  (Array.isArray(body?.attachments) ? body.attachments : []).forEach((file: any, index: number) => {
    if (!file?.filename)
      problems.push({
        message: 'The attachment filename parameter is required.',
        field: `attachments.${index}.filename`,
        help,
      });
    if (typeof file?.content !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(file.content)) {
      problems.push({
        message: 'The attachment content must be base64 encoded.',
        field: `attachments.${index}.content`,
        help,
      });
    }
  });
  return problems;
}
