import { OdooFault, pythonError, userError } from './errors';
import { MODELS } from './schema';

// ---------------------------------------------------------------------------------------------
// Fault injection and the record of calls.
// ---------------------------------------------------------------------------------------------

/**
 * access: AccessError (XML-RPC fault 4, JSON-2 403); validation: ValidationError (fault 2, 422);
 * server: an unexpected exception (fault 1, 500); auth: the credentials are refused (fault 3,
 * 401: a revoked or expired API key); rate-limit: HTTP 429 with Retry-After (both protocols,
 * as a proxy in front of Odoo answers).
 */
export type FaultKind = 'access' | 'validation' | 'server' | 'auth' | 'rate-limit';
export const FAULT_KINDS: readonly FaultKind[] = ['access', 'validation', 'server', 'auth', 'rate-limit'];

export interface FaultPlan {
  kind: FaultKind;
  /** how many matching calls fail; -1 until cleared */
  times: number;
  model?: string;
  method?: string;
  /** replaces the default fault string (for server: the exception line of the traceback) */
  message?: string;
  /** rate-limit: the Retry-After seconds (default 1) */
  retryAfter?: number;
  /** only calls whose arguments contain this text (e.g. one record's email: a record Odoo refuses) */
  contains?: string;
}

export interface CallRecord {
  /** XML-RPC's two services, a JSON-2 call, or GET /web/version */
  service: 'common' | 'object' | 'json2' | 'web';
  method: string;
  model?: string;
  modelMethod?: string;
  /** an answer other than a fault reached the client */
  ok: boolean;
  outcome: 'result' | 'fault' | 'dropped';
  /** the call ran to completion on the server (true for the "answer lost" half of flaky) */
  applied: boolean;
  at: string;
  /** create: the ids it answered (one per record of its list) */
  created?: number[];
}

export interface FlakyPlan {
  rate: number;
  seed?: number;
  /** only drop before, or only after, applying the call; default: half and half */
  when?: 'before' | 'after';
}

/** A small seeded PRNG (mulberry32), so a flaky run can be replayed with the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DESCRIPTIONS_OF_OPERATIONS: Record<string, string> = {
  create: 'create',
  write: 'modify',
  unlink: 'delete',
};

/** The texts Odoo 17's ir.model.access and _as_validation_error send for these faults. */
export function injectedFault(plan: FaultPlan, model: string, method: string): OdooFault {
  const definition = Object.hasOwn(MODELS, model) ? MODELS[model] : undefined;
  const description = definition?.description ?? model;
  switch (plan.kind) {
    case 'auth':
      return new OdooFault(3, plan.message ?? 'Access Denied');
    case 'access': {
      const operation = DESCRIPTIONS_OF_OPERATIONS[method] ?? 'access';
      const groups = (definition?.accessGroups ?? ['Administration/Settings'])
        .map((group) => `\t- ${group}`)
        .join('\n');
      return new OdooFault(
        4,
        plan.message ??
          `You are not allowed to ${operation} '${description}' (${model}) records.\n\nThis operation is allowed for the following groups:\n${groups}\n\nContact your administrator to request access if necessary.`,
      );
    }
    case 'validation': {
      const [fieldName, field] = Object.entries(definition?.fields ?? {}).find(
        ([, candidate]) => candidate.required,
      ) ?? ['name', { string: 'Name' }];
      return userError(
        plan.message ??
          'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
            '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
            `Model: ${description} (${model})\nField: ${field.string} (${fieldName})\n`,
      );
    }
    default:
      return pythonError(
        plan.message ??
          'psycopg2.OperationalError: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.',
      );
  }
}

const matches = (plan: FaultPlan, model: string, method: string, args: string) =>
  (!plan.model || plan.model === model) &&
  (!plan.method || plan.method === method) &&
  (!plan.contains || args.includes(plan.contains));

export class Chaos {
  downUntil = 0;
  slowMs = 0;
  faults: FaultPlan[] = [];
  /** ORM calls per second the fake takes (0: no limit); more are answered 429 as a proxy in front of Odoo does */
  maxCallsPerSecond = 0;
  private tokens = 0;
  private tokensAt = 0;
  private flaky: { rate: number; random: () => number; when?: 'before' | 'after' } | null = null;

  clear(): void {
    this.downUntil = 0;
    this.slowMs = 0;
    this.faults = [];
    this.flaky = null;
    this.maxCallsPerSecond = 0;
  }

  /** Limits ORM calls to `perSecond` (a token bucket, burst = the rate rounded up, like the plugin's); 0 ends it. */
  setMaxCallsPerSecond(perSecond: number, now = Date.now()): void {
    this.maxCallsPerSecond = perSecond;
    this.tokens = Math.max(1, Math.ceil(perSecond));
    this.tokensAt = now;
  }

  /** Takes a token for an ORM call; false when the call is over the limit (answer 429). */
  takeCallToken(now = Date.now()): boolean {
    const rate = this.maxCallsPerSecond;
    if (rate <= 0) return true;
    this.tokens = Math.min(Math.max(1, Math.ceil(rate)), this.tokens + ((now - this.tokensAt) * rate) / 1000);
    this.tokensAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  isDown(): boolean {
    return Date.now() < this.downUntil;
  }

  setFlaky(plan: FlakyPlan): void {
    this.flaky = plan.rate > 0 ? { rate: plan.rate, random: seededRandom(plan.seed ?? 1), when: plan.when } : null;
  }

  /** Whether this call's connection is dropped, and on which side of applying it. */
  flakyDrop(): 'before' | 'after' | null {
    if (!this.flaky || this.flaky.random() >= this.flaky.rate) return null;
    return this.flaky.when ?? (this.flaky.random() < 0.5 ? 'before' : 'after');
  }

  /** Whether the first planned fault that matches this call is a rate limit (answered before Odoo runs it). */
  peekRateLimit(model: string, method: string, args = ''): boolean {
    return this.faults.find((plan) => matches(plan, model, method, args))?.kind === 'rate-limit';
  }

  /** The first planned fault that matches this call (`args`: its arguments as text), used up by one. */
  takeFault(model: string, method: string, args = ''): FaultPlan | undefined {
    const index = this.faults.findIndex((plan) => matches(plan, model, method, args));
    if (index < 0) return undefined;
    const plan = this.faults[index];
    if (plan.times > 0 && --plan.times === 0) this.faults.splice(index, 1);
    return plan;
  }
}
