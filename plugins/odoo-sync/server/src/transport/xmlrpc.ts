import Odoo from 'odoo-await';
import xmlrpc from 'xmlrpc';
import {
  createdIds,
  type Domain,
  type OdooIdentity,
  type OdooTransport,
  type SearchOptions,
  type TransportOptions,
  type Values,
} from './types';

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`Timed out after ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const searchKwargs = (options: SearchOptions = {}) => ({
  ...(options.offset ? { offset: options.offset } : {}),
  ...(options.limit ? { limit: options.limit } : {}),
  ...(options.order ? { order: options.order } : {}),
});

/**
 * Odoo's XML-RPC API (`/xmlrpc/2/common` and `/xmlrpc/2/object`, Odoo 8 to 21; deprecated from
 * 19) through odoo-await: authenticate once with login and API key, then `execute_kw(db, uid,
 * key, model, method, args, kwargs)` per call. The caller's timeout (the circuit breaker's) bounds
 * each call.
 */
export function xmlrpcTransport(options: TransportOptions): OdooTransport {
  const odoo = new Odoo({ baseUrl: options.url, db: options.db, username: options.username, password: options.apiKey });
  let uid: Promise<number> | null = null;

  const authenticate = () => {
    uid ??= odoo.connect().catch((error: unknown) => {
      uid = null; // try again next time
      throw error;
    });
    return uid;
  };

  const execute = async <T>(
    model: string,
    method: string,
    args: unknown[],
    kwargs: Record<string, unknown> = {},
  ): Promise<T> => {
    await authenticate();
    // odoo-await prepends db, uid and password to this array: give it a fresh one
    return (await odoo.execute_kw(model, method, [args, kwargs])) as T;
  };

  /** `common` calls straight through the xmlrpc package (odoo-await has no version()). */
  const common = <T>(method: string, params: unknown[]) => {
    const target = new URL(options.url);
    const clientOptions = {
      host: target.hostname,
      port: Number(target.port) || (target.protocol === 'https:' ? 443 : 80),
      path: '/xmlrpc/2/common',
    };
    const client =
      target.protocol === 'https:' ? xmlrpc.createSecureClient(clientOptions) : xmlrpc.createClient(clientOptions);
    return withTimeout(
      new Promise<T>((resolve, reject) =>
        client.methodCall(method, params, (error: unknown, value: T) => (error ? reject(error) : resolve(value))),
      ),
      options.timeoutMs,
    );
  };

  return {
    protocol: 'xmlrpc',
    search: (model: string, domain: Domain, opts?: SearchOptions) =>
      execute<number[]>(model, 'search', [domain], searchKwargs(opts)),
    searchRead: <T extends { id: number }>(model: string, domain: Domain, fields: string[], opts?: SearchOptions) =>
      execute<T[]>(model, 'search_read', [domain], { fields, ...searchKwargs(opts) }),
    read: <T extends { id: number }>(model: string, ids: number[], fields: string[]) =>
      execute<T[]>(model, 'read', [ids], { fields }),
    create: (model: string, values: Values) => execute<number>(model, 'create', [values]),
    createMany: async (model: string, valuesList: Values[]) =>
      createdIds(model, await execute<number[] | number>(model, 'create', [valuesList]), valuesList.length),
    write: (model: string, ids: number[], values: Values) => execute<boolean>(model, 'write', [ids, values]),
    unlink: (model: string, ids: number[]) => execute<boolean>(model, 'unlink', [ids]),
    async identity(): Promise<OdooIdentity> {
      const userId = await common<number | false>('authenticate', [options.db, options.username, options.apiKey, {}]);
      // what odoo-await rejects with when authenticate answers false (domain/faults.ts knows it)
      if (!userId) throw 'Error connecting to database. This is probably due to invalid credentials.';
      // odoo-await sends its own uid with every execute_kw: the one authenticate just answered
      (odoo as unknown as { uid: number }).uid = userId;
      uid = Promise.resolve(userId);
      const [user] = await execute<Array<{ id: number; name: string; login: string }>>(
        'res.users',
        'read',
        [[userId]],
        { fields: ['name', 'login'] },
      );
      return { uid: userId, name: user?.name ?? options.username, login: user?.login ?? options.username };
    },
  };
}
