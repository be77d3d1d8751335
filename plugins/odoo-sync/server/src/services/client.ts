import type { Core } from '@strapi/strapi';
import CircuitBreaker from 'opossum';
import Odoo from 'odoo-await';
import xmlrpc from 'xmlrpc';
import { classifyOdooError } from '../domain/faults';
import { isConfigured, type OdooSyncConfig } from '../config';
import { deliveryError, getConfig } from '../utils';

type Call = () => Promise<unknown>;

/**
 * Odoo's external API through odoo-await (XML-RPC), behind a circuit breaker (opossum): when
 * most calls fail, the breaker opens and events are deferred instead of hammering a server that
 * is down; after `resetTimeoutMs` one trial call decides whether it closes again.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let odoo: Odoo | null = null;
  let uid: Promise<number> | null = null;
  let breaker: CircuitBreaker<[Call], unknown> | null = null;
  let unreachableSince: Date | null = null;
  let credentialsRejectedAt: Date | null = null;
  let lastError: { at: Date; message: string } | null = null;

  const config = (): OdooSyncConfig => getConfig(strapi);

  const getBreaker = () => {
    if (breaker) return breaker;
    const { timeoutMs, breaker: options } = config();
    breaker = new CircuitBreaker((call: Call) => call(), {
      timeout: timeoutMs,
      errorThresholdPercentage: options.errorThresholdPercentage,
      volumeThreshold: options.volumeThreshold,
      rollingCountTimeout: options.rollingWindowMs,
      resetTimeout: options.resetTimeoutMs,
      // Faults prove Odoo is up (it answered): only outages and timeouts count against it.
      errorFilter: (error: unknown) => classifyOdooError(error).kind !== 'transient',
    });
    breaker.on('open', () => {
      unreachableSince ??= new Date();
      strapi.log.warn(`odoo-sync: circuit open, Odoo unreachable since ${unreachableSince.toISOString()}`);
    });
    breaker.on('close', () => {
      if (unreachableSince) strapi.log.info('odoo-sync: Odoo reachable again, circuit closed');
      unreachableSince = null;
    });
    return breaker;
  };

  const connection = () => {
    if (!odoo) {
      const { url, db, username, apiKey } = config();
      odoo = new Odoo({ baseUrl: url, db, username, password: apiKey });
    }
    return odoo;
  };

  const authenticate = () => {
    uid ??= connection()
      .connect()
      .then((id: number) => {
        credentialsRejectedAt = null;
        return id;
      })
      .catch((error: unknown) => {
        uid = null; // try again next time
        throw error;
      });
    return uid;
  };

  const service = {
    isConfigured: () => isConfigured(config()),

    /** Not configured is not a failure: the event waits in the outbox (no attempt used). */
    assertConfigured() {
      if (!service.isConfigured()) {
        throw deliveryError.defer('Odoo is not configured (set ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_API_KEY): waiting', config().waitWhenUnavailableMs);
      }
    },

    /**
     * One `execute_kw` call. Throws errors the leads outbox understands: deferred while Odoo is
     * not configured, refuses our credentials or the circuit is open; permanent for faults that
     * no retry can fix; anything else is retried with backoff.
     */
    async call<T = unknown>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<T> {
      const { waitWhenUnavailableMs, breaker: options } = config();
      service.assertConfigured();
      const circuit = getBreaker();
      if (circuit.opened) {
        throw deliveryError.defer(`Odoo unreachable since ${(unreachableSince ?? new Date()).toISOString()}: waiting`, options.resetTimeoutMs);
      }
      try {
        return (await circuit.fire(async () => {
          await authenticate();
          // odoo-await prepends db, uid and password to this array: give it a fresh one
          return strapi
            .plugin('leads')
            .service('metrics')
            .timeExternal('odoo', `${model}.${method}`, () => connection().execute_kw(model, method, [args, kwargs]));
        })) as T;
      } catch (error) {
        if ((error as { code?: string })?.code === 'EOPENBREAKER') {
          throw deliveryError.defer(`Odoo unreachable since ${(unreachableSince ?? new Date()).toISOString()}: waiting`, options.resetTimeoutMs);
        }
        const failure = classifyOdooError(error);
        lastError = { at: new Date(), message: failure.message };
        if (failure.kind === 'credentials') {
          uid = null;
          credentialsRejectedAt ??= new Date();
          throw deliveryError.defer(`${failure.message}: waiting`, waitWhenUnavailableMs);
        }
        if (failure.kind === 'permanent') throw deliveryError.permanent(failure.message);
        throw new Error(failure.message);
      }
    },

    /** The admin's "test connection": version, authentication and the user's name, no breaker. */
    async testConnection() {
      if (!service.isConfigured()) return { ok: false as const, error: 'Odoo is not configured (ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_API_KEY)' };
      const { url, db, username, apiKey, timeoutMs } = config();
      const target = new URL(url);
      const options = { host: target.hostname, port: Number(target.port) || (target.protocol === 'https:' ? 443 : 80), path: '/xmlrpc/2/common' };
      const common = target.protocol === 'https:' ? xmlrpc.createSecureClient(options) : xmlrpc.createClient(options);
      const rpc = <T>(method: string, params: unknown[]) =>
        withTimeout(
          new Promise<T>((resolve, reject) => common.methodCall(method, params, (error: unknown, value: T) => (error ? reject(error) : resolve(value)))),
          timeoutMs
        );
      try {
        const version = await rpc<{ server_version?: string }>('version', []);
        const userId = await rpc<number | false>('authenticate', [db, username, apiKey, {}]);
        if (!userId) return { ok: false as const, version: version.server_version, error: 'Odoo rejected the credentials' };
        const fresh = new Odoo({ baseUrl: url, db, username, password: apiKey });
        (fresh as unknown as { uid: number }).uid = userId;
        const [user] = (await withTimeout(fresh.execute_kw('res.users', 'read', [[userId], { fields: ['name', 'login'] }]), timeoutMs)) as Array<{ name: string; login: string }>;
        return { ok: true as const, version: version.server_version, userId, user: user?.name ?? username };
      } catch (error) {
        return { ok: false as const, error: classifyOdooError(error).message };
      }
    },

    status() {
      const circuit = breaker;
      return {
        configured: service.isConfigured(),
        url: service.isConfigured() ? new URL(config().url).origin : null,
        db: config().db || null,
        username: config().username || null,
        circuit: !circuit ? 'closed' : circuit.opened ? 'open' : circuit.halfOpen ? 'half-open' : 'closed',
        unreachableSince: unreachableSince?.toISOString() ?? null,
        credentialsRejectedAt: credentialsRejectedAt?.toISOString() ?? null,
        lastError: lastError ? { at: lastError.at.toISOString(), message: lastError.message } : null,
      };
    },

    shutdown() {
      breaker?.shutdown();
      breaker = null;
    },
  };
  return service;
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`Timed out after ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
