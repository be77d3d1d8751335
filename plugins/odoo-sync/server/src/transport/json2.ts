import { OdooHttpError } from '../domain/faults';
import {
  createdIds,
  type Domain,
  type OdooIdentity,
  type OdooTransport,
  type SearchOptions,
  type TransportOptions,
  type Values,
} from './types';

type Fetch = typeof fetch;

/** The parameters Odoo's model methods take by name in JSON-2 (BaseModel.search, search_read...). */
const searchParams = (options: SearchOptions = {}) => ({
  ...(options.offset ? { offset: options.offset } : {}),
  ...(options.limit ? { limit: options.limit } : {}),
  ...(options.order ? { order: options.order } : {}),
});

/**
 * Odoo 19's external JSON-2 API with plain fetch:
 * `POST /json/2/<model>/<method>`, `Authorization: bearer <API key>`, `X-Odoo-Database` when a
 * database is configured, a JSON body with `ids`, `context` and the method's named parameters.
 * 200 carries the method's result as JSON; anything else an error object
 * `{name, message, arguments, context, debug}`, thrown as OdooHttpError.
 * https://www.odoo.com/documentation/19.0/developer/reference/external_api.html
 */
export function json2Transport(options: TransportOptions, fetchImpl: Fetch = fetch): OdooTransport {
  const base = options.url.replace(/\/+$/, '');

  async function call<T>(model: string, method: string, body: Record<string, unknown>): Promise<T> {
    const response = await fetchImpl(`${base}/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: {
        Authorization: `bearer ${options.apiKey}`,
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'magnetiq-odoo-sync',
        ...(options.db ? { 'X-Odoo-Database': options.db } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) {
      let error: { name?: string; message?: string } | null = null;
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
          error = parsed as { name?: string; message?: string };
      } catch {
        // a proxy's HTML page or an Odoo without /json/2: no error object
      }
      throw new OdooHttpError(response.status, error, response.headers.get('retry-after'));
    }
    return JSON.parse(text) as T;
  }

  return {
    protocol: 'json2',
    search: (model: string, domain: Domain, opts?: SearchOptions) =>
      call<number[]>(model, 'search', { domain, ...searchParams(opts) }),
    searchRead: <T extends { id: number }>(model: string, domain: Domain, fields: string[], opts?: SearchOptions) =>
      call<T[]>(model, 'search_read', { domain, fields, ...searchParams(opts) }),
    read: <T extends { id: number }>(model: string, ids: number[], fields: string[]) =>
      call<T[]>(model, 'read', { ids, fields }),
    async create(model: string, values: Values) {
      // create is @api.model_create_multi: a list of values in, the new records' ids out
      const ids = await call<number[] | number>(model, 'create', { vals_list: [values] });
      const id = Array.isArray(ids) ? ids[0] : ids;
      if (typeof id !== 'number') throw new Error(`Odoo answered create on ${model} without an id`);
      return id;
    },
    async createMany(model: string, valuesList: Values[]) {
      const ids = await call<number[] | number>(model, 'create', { vals_list: valuesList });
      return createdIds(model, ids, valuesList.length);
    },
    write: (model: string, ids: number[], values: Values) => call<boolean>(model, 'write', { ids, vals: values }),
    unlink: (model: string, ids: number[]) => call<boolean>(model, 'unlink', { ids }),
    async identity(): Promise<OdooIdentity> {
      // the API key names the user: context_get answers its uid, read its name and login
      const context = await call<{ uid?: number }>('res.users', 'context_get', {});
      if (typeof context.uid !== 'number') throw new Error('Odoo answered context_get without a uid');
      const [user] = await call<Array<{ id: number; name: string; login: string }>>('res.users', 'read', {
        ids: [context.uid],
        fields: ['name', 'login'],
      });
      return { uid: context.uid, name: user?.name ?? '', login: user?.login ?? '' };
    },
  };
}
