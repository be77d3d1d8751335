/**
 * The /__fake/* controls (JSON) through which tests in other processes steer the fake:
 * down/up, slow, max-calls, fault, flaky, version, clear, reset, records, move-lead, calls.
 * See tests/fakes/odoo-client.ts.
 */
import type http from 'node:http';
import { sendJson } from '../http';
import { FAULT_KINDS, type FaultKind } from './chaos';
import { FAKE_ODOO_VERSIONS, type FakeOdooState, type FakeOdooVersion } from './state';
import type { XmlRpcValue } from './values';

export class BadRequest extends Error {}

export function readJson(raw: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = raw ? JSON.parse(raw) : {};
  } catch {
    throw new BadRequest('the body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new BadRequest('the body must be a JSON object');
  return body as Record<string, unknown>;
}

export function numberField(body: Record<string, unknown>, name: string, fallback?: number): number {
  const value = body[name] ?? fallback;
  if (typeof value !== 'number' || Number.isNaN(value)) throw new BadRequest(`${name} must be a number`);
  return value;
}

const isVersion = (value: unknown): value is FakeOdooVersion => FAKE_ODOO_VERSIONS.includes(value as FakeOdooVersion);

/** `initialVersion`: what reset() goes back to. */
export function control(
  state: FakeOdooState,
  initialVersion: FakeOdooVersion,
  req: http.IncomingMessage,
  url: URL,
  raw: string,
  res: http.ServerResponse,
) {
  const { chaos, store } = state;
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'POST /__fake/down': {
      const body = readJson(raw);
      chaos.downUntil = body.ms === undefined ? Infinity : Date.now() + numberField(body, 'ms');
      return sendJson(res, 200, { ok: true });
    }
    case 'POST /__fake/up':
      chaos.downUntil = 0;
      return sendJson(res, 200, { ok: true });
    case 'POST /__fake/max-calls': {
      const perSecond = numberField(readJson(raw), 'perSecond');
      if (perSecond < 0) throw new BadRequest('perSecond must be 0 (no limit) or more');
      chaos.setMaxCallsPerSecond(perSecond);
      return sendJson(res, 200, { ok: true });
    }
    case 'POST /__fake/slow':
      chaos.slowMs = Math.max(0, numberField(readJson(raw), 'ms'));
      return sendJson(res, 200, { ok: true });
    case 'POST /__fake/fault': {
      const body = readJson(raw);
      if (!FAULT_KINDS.includes(body.kind as FaultKind))
        throw new BadRequest(`kind must be one of ${FAULT_KINDS.join(', ')}`);
      const times = numberField(body, 'times', 1);
      if (times === 0 || times < -1) throw new BadRequest('times must be positive, or -1 for until cleared');
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
      const retryAfter = body.retryAfter === undefined ? undefined : numberField(body, 'retryAfter');
      chaos.faults.push({
        kind: body.kind as FaultKind,
        times,
        model: text('model'),
        method: text('method'),
        message: text('message'),
        retryAfter,
        contains: text('contains'),
      });
      return sendJson(res, 200, { ok: true });
    }
    case 'POST /__fake/flaky': {
      const body = readJson(raw);
      const rate = numberField(body, 'rate');
      if (rate < 0 || rate > 1) throw new BadRequest('rate must be between 0 and 1');
      if (body.when !== undefined && body.when !== 'before' && body.when !== 'after')
        throw new BadRequest("when must be 'before' or 'after'");
      chaos.setFlaky({ rate, seed: body.seed === undefined ? undefined : numberField(body, 'seed'), when: body.when });
      return sendJson(res, 200, { ok: true });
    }
    case 'POST /__fake/version': {
      // an upgrade (or a downgrade) of the Odoo behind the URL; the database stays
      const { version } = readJson(raw);
      if (!isVersion(version)) throw new BadRequest(`version must be one of ${FAKE_ODOO_VERSIONS.join(', ')}`);
      state.version = version;
      return sendJson(res, 200, { ok: true, version });
    }
    case 'GET /__fake/version':
      return sendJson(res, 200, { version: state.version });
    case 'POST /__fake/clear':
      chaos.clear();
      return sendJson(res, 200, { ok: true });
    case 'POST /__fake/reset':
      chaos.clear();
      store.reset();
      state.calls.length = 0;
      state.version = initialVersion;
      return sendJson(res, 200, { ok: true });
    case 'GET /__fake/records': {
      const model = url.searchParams.get('model');
      if (!model) throw new BadRequest('model is required, e.g. ?model=crm.lead');
      return sendJson(res, 200, { records: store.raw(model) });
    }
    case 'POST /__fake/records': {
      // seeds records the way create() would, without counting as a client call
      const body = readJson(raw);
      if (typeof body.model !== 'string') throw new BadRequest('model must be a string');
      const values = (Array.isArray(body.values) ? body.values : [body.values]) as XmlRpcValue[];
      const ids = store.transaction(() => values.map((vals) => store.create(body.model as string, vals)));
      return sendJson(res, 200, { ids });
    }
    case 'POST /__fake/move-lead': {
      const body = readJson(raw);
      const id = numberField(body, 'id');
      const stage = typeof body.stage === 'string' ? body.stage : undefined;
      const probability = body.probability === undefined ? undefined : numberField(body, 'probability');
      try {
        store.moveLead(id, { stage, probability, lost: body.lost === true });
      } catch (error) {
        throw new BadRequest((error as Error).message);
      }
      return sendJson(res, 200, { ok: true });
    }
    case 'GET /__fake/calls':
      return sendJson(res, 200, { calls: state.calls });
    case 'DELETE /__fake/calls':
      state.calls.length = 0;
      return sendJson(res, 200, { ok: true });
    default:
      return sendJson(res, 404, { error: `no control ${route}` });
  }
}
