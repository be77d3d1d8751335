import type { Core } from '@strapi/strapi';
import CircuitBreaker from 'opossum';
import { classifyOdooError } from '../domain/faults';
import { protocolFor, type OdooProtocol, type OdooVersion } from '../domain/protocol';
import { TokenBucket } from '../domain/rate-limit';
import { isConfigured, type OdooSyncConfig } from '../config';
import { fetchOdooVersion } from '../transport/detect';
import { json2Transport } from '../transport/json2';
import type { Domain, OdooTransport, SearchOptions, Values } from '../transport/types';
import { xmlrpcTransport } from '../transport/xmlrpc';
import { deliveryError, getConfig, leads } from '../utils';

type Work<T> = (transport: OdooTransport) => Promise<T>;

/** The transport in use and what the version check found (null: not asked, or ODOO_PROTOCOL fixed it). */
interface Connection {
  transport: OdooTransport;
  version: OdooVersion | null;
}

const NOT_CONFIGURED =
  'Odoo is not configured (set ODOO_URL and ODOO_API_KEY, and ODOO_DB and ODOO_USERNAME for XML-RPC)';

const retryAfter = (message: string, retryAfterMs: number) => Object.assign(new Error(message), { retryAfterMs });
/**
 * A 429 asking for a short wait is waited out inside the call, up to this many times: Odoo (or
 * its proxy) refused the call before running it, and failing a batch of 100 leads for it would
 * redo the batch's lookups. A longer Retry-After fails the delivery (retried after it).
 */
const RATE_LIMIT_RETRIES = 3;
const RATE_LIMIT_WAIT_MAX_MS = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Odoo's external API behind one seam: the sync, the erase and the stage read-back call
 * search / searchRead / read / create / write / unlink here, and this service sends them over
 * XML-RPC (odoo-await) or JSON-2 (fetch) as ODOO_PROTOCOL says (`auto`: `/web/version`, JSON-2
 * from Odoo 19). Every call passes a token bucket (ODOO_MAX_CALLS_PER_SECOND) and a circuit
 * breaker (opossum): when most calls fail, the breaker opens and events are deferred instead of
 * hammering a server that is down; after `resetTimeoutMs` one trial call decides whether it
 * closes again. Errors of both protocols are classified once (domain/faults.ts) into what the
 * leads outbox understands.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let connection: Promise<Connection> | null = null;
  let current: Connection | null = null;
  let breaker: CircuitBreaker<[() => Promise<unknown>], unknown> | null = null;
  let bucket: TokenBucket | null = null;
  let unreachableSince: Date | null = null;
  let credentialsRejectedAt: Date | null = null;
  let lastError: { at: Date; message: string } | null = null;

  const config = (): OdooSyncConfig => getConfig(strapi);

  const getBreaker = () => {
    if (breaker) return breaker;
    const { timeoutMs, breaker: options } = config();
    breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
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

  const getBucket = () => (bucket ??= new TokenBucket(config().maxCallsPerSecond ?? 0));

  /** Picks the transport once per process (again after the connection test or rejected credentials). */
  const connect = (): Promise<Connection> => {
    connection ??= (async () => {
      const { url, db, username, apiKey, timeoutMs, protocol: setting = 'auto' } = config();
      const version = setting === 'auto' ? await fetchOdooVersion(url, timeoutMs) : null;
      const protocol: OdooProtocol = setting === 'auto' ? protocolFor(version) : setting;
      const options = { url, db, username, apiKey, timeoutMs };
      const transport = protocol === 'json2' ? json2Transport(options) : xmlrpcTransport(options);
      if (setting === 'auto')
        strapi.log.info(`odoo-sync: Odoo ${version?.version ?? '(version unknown)'} found, speaking ${protocol}`);
      current = { transport, version };
      return current;
    })().catch((error: unknown) => {
      connection = null; // ask again next time
      throw error;
    });
    return connection;
  };

  const forgetConnection = () => {
    connection = null;
  };

  const unreachable = () =>
    deliveryError.defer(
      `Odoo unreachable since ${(unreachableSince ?? new Date()).toISOString()}: waiting`,
      config().breaker.resetTimeoutMs,
    );

  /**
   * One ORM call. Throws errors the leads outbox understands: deferred while Odoo is not
   * configured, refuses our credentials or the circuit is open; permanent for faults that no
   * retry can fix (a 422 dead-letters that one event); anything else is retried with backoff,
   * not before Odoo's Retry-After.
   */
  async function run<T>(label: string, work: Work<T>, rateLimited = 0): Promise<T> {
    service.assertConfigured();
    const circuit = getBreaker();
    if (circuit.opened) throw unreachable();
    await getBucket().take();
    try {
      const result = (await circuit.fire(async () => {
        const { transport } = await connect();
        return leads(strapi).metrics.timeExternal('odoo', label, () => work(transport));
      })) as T;
      credentialsRejectedAt = null;
      return result;
    } catch (error) {
      if ((error as { code?: string })?.code === 'EOPENBREAKER') throw unreachable();
      const failure = classifyOdooError(error);
      lastError = { at: new Date(), message: failure.message };
      switch (failure.kind) {
        case 'credentials':
          forgetConnection();
          credentialsRejectedAt ??= new Date();
          throw deliveryError.defer(`${failure.message}: waiting`, config().waitWhenUnavailableMs);
        case 'unavailable':
          forgetConnection();
          throw deliveryError.defer(`${failure.message}: waiting`, config().waitWhenUnavailableMs);
        case 'permanent':
          throw deliveryError.permanent(failure.message);
        case 'rate-limited':
          if (rateLimited < RATE_LIMIT_RETRIES && (failure.retryAfterMs ?? 1000) <= RATE_LIMIT_WAIT_MAX_MS) {
            await sleep(failure.retryAfterMs ?? 1000);
            return run(label, work, rateLimited + 1);
          }
          throw failure.retryAfterMs === null
            ? new Error(failure.message)
            : retryAfter(failure.message, failure.retryAfterMs);
        default:
          throw new Error(failure.message, { cause: error });
      }
    }
  }

  const service = {
    isConfigured: () => isConfigured(config()),

    /** Not configured is not a failure: the event waits in the outbox (no attempt used). */
    assertConfigured() {
      if (!service.isConfigured())
        throw deliveryError.defer(`${NOT_CONFIGURED}: waiting`, config().waitWhenUnavailableMs);
    },

    search: (model: string, domain: Domain, options?: SearchOptions) =>
      run(`${model}.search`, (odoo) => odoo.search(model, domain, options)),
    searchRead: <T extends { id: number }>(model: string, domain: Domain, fields: string[], options?: SearchOptions) =>
      run(`${model}.search_read`, (odoo) => odoo.searchRead<T>(model, domain, fields, options)),
    read: <T extends { id: number }>(model: string, ids: number[], fields: string[]) =>
      run(`${model}.read`, (odoo) => odoo.read<T>(model, ids, fields)),
    create: (model: string, values: Values) => run(`${model}.create`, (odoo) => odoo.create(model, values)),
    createMany: (model: string, valuesList: Values[]) =>
      run(`${model}.create`, (odoo) => odoo.createMany(model, valuesList)),
    write: (model: string, ids: number[], values: Values) =>
      run(`${model}.write`, (odoo) => odoo.write(model, ids, values)),
    unlink: (model: string, ids: number[]) => run(`${model}.unlink`, (odoo) => odoo.unlink(model, ids)),

    /**
     * The admin's "test connection", without the breaker: asks the version again (ODOO_PROTOCOL=auto
     * switches to JSON-2 after an upgrade to Odoo 19 here), authenticates and reads the user.
     */
    async testConnection() {
      if (!service.isConfigured()) return { ok: false as const, error: NOT_CONFIGURED };
      forgetConnection();
      const { url, timeoutMs } = config();
      let version: OdooVersion | null = null;
      try {
        version = (await connect()).version ?? (await fetchOdooVersion(url, timeoutMs).catch(() => null));
        const { transport } = await connect();
        const user = await transport.identity();
        credentialsRejectedAt = null;
        return {
          ok: true as const,
          protocol: transport.protocol,
          version: version?.version ?? 'unknown',
          userId: user.uid,
          user: user.name || user.login,
        };
      } catch (error) {
        const failure = classifyOdooError(error);
        if (failure.kind === 'credentials') credentialsRejectedAt ??= new Date();
        lastError = { at: new Date(), message: failure.message };
        return {
          ok: false as const,
          ...(current ? { protocol: current.transport.protocol } : {}),
          ...(version ? { version: version.version } : {}),
          error: failure.message,
        };
      }
    },

    status() {
      const circuit = breaker;
      const { url, db, username, protocol = 'auto', maxCallsPerSecond = 0 } = config();
      return {
        configured: service.isConfigured(),
        url: service.isConfigured() ? new URL(url).origin : null,
        db: db || null,
        username: username || null,
        /** ODOO_PROTOCOL, and what is spoken now (null until the first call when it is auto) */
        protocolSetting: protocol,
        protocol: current?.transport.protocol ?? (protocol === 'auto' ? null : protocol),
        version: current?.version?.version ?? null,
        maxCallsPerSecond,
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
