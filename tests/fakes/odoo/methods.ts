import { OdooStore, SearchOptions } from './database';
import { OdooFault, pythonError } from './errors';
import { StoredRecord } from './schema';
import { XmlRpcStruct, XmlRpcValue, isStruct, optionalInt, pyRepr, pyTruthy, toIds } from './values';

// ---------------------------------------------------------------------------------------------
// Model methods, bound like Python binds arguments (positional, then keyword).
// ---------------------------------------------------------------------------------------------

export type Arguments = Record<string, XmlRpcValue | undefined>;

export interface MethodCall {
  store: OdooStore;
  model: string;
  ids: number[];
  args: Arguments;
  context: XmlRpcStruct;
}

export interface MethodSpec {
  /** record methods (read, write, unlink) take the ids as their first positional argument */
  onRecords: boolean;
  params: readonly string[];
  required: number;
  /** keyword arguments passed through (search_read hands **read_kwargs to read) */
  extraKwargs?: readonly string[];
  run: (call: MethodCall) => XmlRpcValue;
}

export const searchOptions = (call: MethodCall): SearchOptions => ({
  offset: optionalInt(call.args.offset),
  limit: optionalInt(call.args.limit),
  order: typeof call.args.order === 'string' ? call.args.order : null,
  activeTest: call.context.active_test === undefined ? true : pyTruthy(call.context.active_test),
});
export const isClassicLoad = (load: XmlRpcValue | undefined) => load === undefined || load === '_classic_read';

export const METHODS: Record<string, MethodSpec> = {
  search: {
    onRecords: false,
    params: ['domain', 'offset', 'limit', 'order'],
    required: 1,
    run: (call) => call.store.search(call.model, call.args.domain, searchOptions(call)).map((record) => record.id),
  },
  search_count: {
    onRecords: false,
    params: ['domain', 'limit'],
    required: 1,
    run: (call) => {
      const count = call.store.search(call.model, call.args.domain, {
        activeTest: searchOptions(call).activeTest,
      }).length;
      const limit = optionalInt(call.args.limit);
      return limit ? Math.min(count, limit) : count;
    },
  },
  search_read: {
    onRecords: false,
    params: ['domain', 'fields', 'offset', 'limit', 'order'],
    required: 0,
    extraKwargs: ['load'],
    run: (call) =>
      call.store.read(
        call.model,
        call.store.search(call.model, call.args.domain, searchOptions(call)),
        call.args.fields,
        isClassicLoad(call.args.load),
      ),
  },
  read: {
    onRecords: true,
    params: ['fields', 'load'],
    required: 0,
    // records that no longer exist are left out of the answer, as Odoo 17's _read_format does
    run: (call) =>
      call.store.read(
        call.model,
        call.ids.map((id) => call.store.get(call.model, id)).filter((record): record is StoredRecord => !!record),
        call.args.fields,
        isClassicLoad(call.args.load),
      ),
  },
  create: {
    onRecords: false,
    params: ['vals_list'],
    required: 1,
    // @api.model_create_multi: one dict gives one id, a list of dicts a list of ids
    run: (call) => {
      const vals = call.args.vals_list ?? null;
      return Array.isArray(vals)
        ? vals.map((item) => call.store.create(call.model, item))
        : call.store.create(call.model, vals);
    },
  },
  write: {
    onRecords: true,
    params: ['vals'],
    required: 1,
    run: (call) => {
      call.store.write(call.model, call.ids, call.args.vals ?? null);
      return true;
    },
  },
  unlink: {
    onRecords: true,
    params: [],
    required: 0,
    run: (call) => {
      call.store.unlink(call.model, call.ids);
      return true;
    },
  },
  name_search: {
    onRecords: false,
    params: ['name', 'args', 'operator', 'limit'],
    required: 0,
    run: (call) => {
      const { name, args, operator } = call.args;
      const domain = Array.isArray(args) ? [...args] : [];
      if (typeof name === 'string' && name !== '')
        domain.push(['display_name', typeof operator === 'string' ? operator : 'ilike', name]);
      const limit = call.args.limit === undefined ? 100 : optionalInt(call.args.limit);
      return call.store
        .search(call.model, domain, { limit, activeTest: searchOptions(call).activeTest })
        .map((record) => [record.id, call.store.displayName(call.model, record)]);
    },
  },
  // res.users.context_get: what JSON-2 clients ask to learn whose API key they hold
  context_get: {
    onRecords: false,
    params: [],
    required: 0,
    run: (call) => {
      if (call.model !== 'res.users')
        throw pythonError(`AttributeError: The method '${call.model}.context_get' does not exist`);
      return { lang: 'en_US', tz: 'Europe/Berlin', uid: call.store.uid };
    },
  },
  fields_get: {
    onRecords: false,
    params: ['allfields', 'attributes'],
    required: 0,
    run: (call) => call.store.fieldsGet(call.model, call.args.allfields, call.args.attributes),
  },
};

export function bindArguments(method: string, spec: MethodSpec, args: XmlRpcValue[], kwargs: XmlRpcStruct): Arguments {
  if (args.length > spec.params.length) {
    throw pythonError(
      `TypeError: BaseModel.${method}() takes ${spec.params.length + 1} positional arguments but ${args.length + 1} were given`,
    );
  }
  const bound: Arguments = Object.fromEntries(spec.params.map((name, index) => [name, args[index]]));
  for (const [key, value] of Object.entries(kwargs)) {
    if (!spec.params.includes(key) && !spec.extraKwargs?.includes(key))
      throw pythonError(`TypeError: BaseModel.${method}() got an unexpected keyword argument ${pyRepr(key)}`);
    if (bound[key] !== undefined)
      throw pythonError(`TypeError: BaseModel.${method}() got multiple values for argument ${pyRepr(key)}`);
    bound[key] = value;
  }
  const missing = spec.params.slice(0, spec.required).filter((name) => bound[name] === undefined);
  if (missing.length > 0)
    throw pythonError(
      `TypeError: BaseModel.${method}() missing ${missing.length} required positional argument: ${missing.map(pyRepr).join(', ')}`,
    );
  return bound;
}

/** odoo.api.call_kw: pops the context, splits the ids off record methods, calls the method. */
export function callModelMethod(
  store: OdooStore,
  model: string,
  method: string,
  argsValue: XmlRpcValue | undefined,
  kwargsValue: XmlRpcValue | undefined,
): XmlRpcValue {
  // check_method_name: private methods are refused with an AccessError
  if (method.startsWith('_'))
    throw new OdooFault(4, `Private methods (such as ${model}.${method}) cannot be called remotely.`);
  store.model(model);
  const spec = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!spec) throw pythonError(`AttributeError: The method '${model}.${method}' does not exist`);
  const args = Array.isArray(argsValue) ? [...argsValue] : argsValue === undefined ? [] : [argsValue];
  const kwargs = isStruct(kwargsValue) ? { ...kwargsValue } : {};
  const context = isStruct(kwargs.context) ? kwargs.context : {};
  delete kwargs.context;
  if (spec.onRecords && args.length === 0) throw pythonError('IndexError: list index out of range');
  const ids = spec.onRecords ? toIds(args.shift()) : [];
  return spec.run({ store, model, ids, args: bindArguments(method, spec, args, kwargs), context });
}
