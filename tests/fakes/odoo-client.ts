import { inject } from 'vitest';
import type { CallRecord, FakeOdooVersion, FaultKind } from './odoo';

/**
 * A stored row as the fake returns it: many2one as an id or false, many2many as ids, unset as
 * false. Which field holds what depends on the model, so tests read rows like parsed JSON.
 */
export type OdooRow = { id: number; [field: string]: any };

export interface FaultOptions {
  kind: FaultKind;
  /** how many matching calls (XML-RPC execute_kw or JSON-2) fail (default 1); -1 until cleared */
  times?: number;
  model?: string;
  method?: string;
  /** replaces Odoo's default fault string */
  message?: string;
  /** rate-limit: the Retry-After seconds (default 1) */
  retryAfter?: number;
  /** only calls whose arguments contain this text (e.g. one record's email: a record Odoo refuses) */
  contains?: string;
}

export interface FlakyOptions {
  seed?: number;
  /** drop only before, or only after, applying each failing call (default: half and half) */
  when?: 'before' | 'after';
}

/**
 * Test-side controls of a fake Odoo (tests/fakes/odoo.ts), over its /__fake/* endpoints, so a
 * test in any vitest worker can steer the instance the global setup started.
 */
export function fakeOdooAt(baseUrl: string | (() => string)) {
  const url = (path: string) => `${typeof baseUrl === 'function' ? baseUrl() : baseUrl}${path}`;

  async function request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(url(path), {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`fake Odoo ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  return {
    /** The stored rows of a model, archived ones included: many2one as an id or false, many2many as ids. */
    async records(model: string): Promise<OdooRow[]> {
      return (await request<{ records: OdooRow[] }>('GET', `/__fake/records?model=${encodeURIComponent(model)}`))
        .records;
    },
    /** Creates records directly (same rules as create()), without counting as client calls. */
    async seed(model: string, values: Record<string, unknown> | Array<Record<string, unknown>>): Promise<number[]> {
      return (await request<{ ids: number[] }>('POST', '/__fake/records', { model, values })).ids;
    },
    /** A salesperson moves a crm.lead to a stage by name (a won stage: probability 100), sets its probability, or marks it lost. */
    async moveLead(id: number, move: { stage?: string; probability?: number; lost?: boolean }) {
      await request('POST', '/__fake/move-lead', { id, ...move });
    },
    /** Pretends to be this Odoo version from now on (/web/version, XML-RPC version(); JSON-2 from 19). */
    async setVersion(version: FakeOdooVersion) {
      await request('POST', '/__fake/version', { version });
    },
    /** Every connection (XML-RPC, JSON-2, /web/version) is dropped without an answer, until up() or for `ms`. */
    async down(ms?: number) {
      await request('POST', '/__fake/down', ms === undefined ? {} : { ms });
    },
    async up() {
      await request('POST', '/__fake/up');
    },
    /** At most `perSecond` ORM calls per second (a token bucket); more are answered 429 with Retry-After 1; 0 ends it. */
    async maxCalls(perSecond: number) {
      await request('POST', '/__fake/max-calls', { perSecond });
    },
    /** Every answer comes `ms` late (the call itself is applied at once); 0 stops. */
    async slow(ms: number) {
      await request('POST', '/__fake/slow', { ms });
    },
    /** The next matching calls fail with what Odoo sends for that kind (an XML-RPC fault or a JSON-2 status). */
    async fault(options: FaultOptions) {
      await request('POST', '/__fake/fault', options);
    },
    /** Each call fails with probability `rate`, its connection dropped before or after applying it; 0 stops. */
    async flaky(rate: number, options: FlakyOptions = {}) {
      await request('POST', '/__fake/flaky', { rate, ...options });
    },
    /** Ends down, slow, flaky and planned faults; the records stay. */
    async clear() {
      await request('POST', '/__fake/clear');
    },
    /** clear(), and back to a fresh database (languages and users only), the first version, and no calls recorded. */
    async reset() {
      await request('POST', '/__fake/reset');
    },
    /** The calls received (XML-RPC, JSON-2, /web/version), dropped ones included, oldest first. */
    async calls(
      filter: Partial<Pick<CallRecord, 'service' | 'method' | 'model' | 'modelMethod'>> = {},
    ): Promise<CallRecord[]> {
      const { calls } = await request<{ calls: CallRecord[] }>('GET', '/__fake/calls');
      return calls.filter((call) =>
        Object.entries(filter).every(([key, value]) => call[key as keyof CallRecord] === value),
      );
    },
    async clearCalls() {
      await request('DELETE', '/__fake/calls');
    },
  };
}

export type FakeOdooControls = ReturnType<typeof fakeOdooAt>;

/** The fake Odoo of the integration run (its URL is provided by tests/helpers/global-setup.ts). */
export const fakeOdoo = fakeOdooAt(() => inject('odooUrl'));
