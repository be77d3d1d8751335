/**
 * A local stand-in for Odoo 17's external API over XML-RPC, following
 * https://www.odoo.com/documentation/17.0/developer/reference/external_api.html and, where the
 * documentation is silent (fault codes, error texts, read formats), Odoo 17's own server code:
 *
 * - POST /xmlrpc/2/common: version(), authenticate(db, login, password, env) → uid or false, login().
 * - POST /xmlrpc/2/object: execute_kw(db, uid, password, model, method, args, kwargs?) (and the
 *   older execute()), with search, search_count, search_read, read, create, write, unlink,
 *   name_search and fields_get on an in-memory database of the models the CRM sync uses.
 * - Faults carry Odoo's codes (odoo/addons/base/controllers/rpc.py, xmlrpc_handle_exception_int):
 *   1 any other exception, sent as a Python traceback; 2 UserError / ValidationError / MissingError;
 *   3 AccessDenied (credentials); 4 AccessError (rights on a model).
 *
 * Tests in other processes steer it through /__fake/* (JSON): down/up, slow, fault, flaky, clear,
 * reset, records, calls. See tests/fakes/odoo-client.ts.
 */
import type http from 'node:http';
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { listen, sendJson } from './http';

// ---------------------------------------------------------------------------------------------
// The XML-RPC wire format: the (de)serializer of the `xmlrpc` package, which odoo-await's client
// uses too, so both ends agree on every type. These internals ship without type declarations.
// ---------------------------------------------------------------------------------------------

/** A value as it travels over XML-RPC (dateTime.iso8601 → Date, base64 → Buffer, nil → null). */
export type XmlRpcValue = string | number | boolean | null | Date | Buffer | XmlRpcValue[] | XmlRpcStruct;
export interface XmlRpcStruct {
  [key: string]: XmlRpcValue;
}

interface XmlRpcDeserializer {
  deserializeMethodCall(
    stream: NodeJS.ReadableStream,
    callback: (error: Error | null | undefined, methodName?: string, params?: XmlRpcValue[]) => void
  ): void;
}
interface XmlRpcSerializer {
  serializeMethodResponse(value: XmlRpcValue): string;
  serializeFault(fault: { faultCode: number; faultString: string }): string;
}

const requireCjs = createRequire(import.meta.url);
const Deserializer = requireCjs('xmlrpc/lib/deserializer') as new () => XmlRpcDeserializer;
const Serializer = requireCjs('xmlrpc/lib/serializer') as XmlRpcSerializer;

function parseMethodCall(body: string): Promise<{ methodName: string; params: XmlRpcValue[] }> {
  return new Promise((resolve, reject) => {
    const stream = new PassThrough();
    new Deserializer().deserializeMethodCall(stream, (error, methodName, params) => {
      if (error || !methodName) reject(error ?? new Error('Method call did not contain a method name'));
      else resolve({ methodName, params: params ?? [] });
    });
    stream.end(body);
  });
}

const isStruct = (value: XmlRpcValue | undefined): value is XmlRpcStruct =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !Buffer.isBuffer(value);

/** Python's truth value, which Odoo applies to booleans and flags (0, '', [], {} are false). */
function pyTruthy(value: XmlRpcValue | undefined): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isStruct(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}

/** Python's repr(), for error texts that quote values the way Odoo's do. */
function pyRepr(value: XmlRpcValue | undefined): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    return quote + value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n') + quote;
  }
  if (value instanceof Date) return pyRepr(toOdooDatetime(value));
  if (Buffer.isBuffer(value)) return `b'${value.toString('latin1')}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(value).map(([key, item]) => `${pyRepr(key)}: ${pyRepr(item)}`).join(', ')}}`;
}
const pyTuple = (items: XmlRpcValue[]) => `(${items.map(pyRepr).join(', ')})`;

// ---------------------------------------------------------------------------------------------
// Faults, with Odoo's codes and texts.
// ---------------------------------------------------------------------------------------------

export type FaultCode = 1 | 2 | 3 | 4;

export class OdooFault extends Error {
  constructor(
    readonly faultCode: FaultCode,
    readonly faultString: string
  ) {
    super(faultString);
  }
}

/** UserError, ValidationError and MissingError all travel as code 2 with their bare message. */
const userError = (message: string) => new OdooFault(2, message);

// The frames Odoo 17 prints for an exception raised in a model method (paths of the Debian
// package; line numbers are indicative). Code 1 faults are tracebacks: clients must read their
// last line, which is what this reproduces.
const ODOO_PATH = '/usr/lib/python3/dist-packages/odoo';
const RPC_FRAMES = [
  ['addons/base/controllers/rpc.py', 160, 'xmlrpc_2', 'response = self._xmlrpc(service)'],
  ['addons/base/controllers/rpc.py', 134, '_xmlrpc', 'result = dispatch_rpc(service, method, params)'],
  ['http.py', 368, 'dispatch_rpc', 'return dispatch(method, params)'],
] as const;
const OBJECT_FRAMES = [
  ...RPC_FRAMES,
  ['service/model.py', 39, 'dispatch', 'res = execute_kw(db, uid, *params[3:])'],
  ['service/model.py', 61, 'execute_kw', 'return execute(db, uid, obj, method, *args, **kw or {})'],
  ['service/model.py', 68, 'execute', 'res = execute_cr(cr, uid, obj, method, *args, **kw)'],
  ['service/model.py', 52, 'execute_cr', 'result = retrying(partial(odoo.api.call_kw, recs, method, args, kw), env)'],
  ['service/model.py', 137, 'retrying', 'result = func()'],
  ['api.py', 468, 'call_kw', 'result = _call_kw_model(method, model, args, kwargs)'],
] as const;
const COMMON_FRAMES = [...RPC_FRAMES, ['service/common.py', 60, 'dispatch', 'return g[exp_method_name](*params)']] as const;

type Frame = readonly [string, number, string, string];

/** Any exception Odoo does not classify: code 1, the formatted traceback as the fault string. */
function pythonError(exception: string, frames: readonly Frame[] = OBJECT_FRAMES): OdooFault {
  const lines = frames.map(([file, line, fn, code]) => `  File "${ODOO_PATH}/${file}", line ${line}, in ${fn}\n    ${code}\n`);
  return new OdooFault(1, `Traceback (most recent call last):\n${lines.join('')}${exception}\n`);
}

// ---------------------------------------------------------------------------------------------
// The schema: the models and fields the CRM sync uses, as Odoo 17 defines them.
// ---------------------------------------------------------------------------------------------

type FieldType = 'char' | 'text' | 'html' | 'boolean' | 'integer' | 'float' | 'selection' | 'datetime' | 'many2one' | 'many2many';

/** A stored value: many2one as an id, many2many as ids, unset (SQL NULL) as false. */
export type StoredValue = string | number | boolean | number[];
export interface StoredRecord {
  id: number;
  [field: string]: StoredValue;
}

interface FieldDef {
  type: FieldType;
  string: string;
  relation?: string;
  /** many2many: the relation table and its column for the comodel (named in constraint errors) */
  relationTable?: string;
  relationColumn?: string;
  required?: boolean;
  default?: StoredValue;
  selection?: (store: OdooStore) => Array<[string, string]>;
  /** id, display_name and the log columns: Odoo drops them from create/write values silently */
  magic?: boolean;
}

interface Constraint {
  /** the PostgreSQL constraint's name */
  name: string;
  message: string;
  violated: (record: StoredRecord, store: OdooStore) => boolean;
}

interface ModelDef {
  description: string;
  /** Odoo's `_order`: the default order of search results */
  order: string;
  fields: Record<string, FieldDef>;
  /** where the id sequence starts after a reset */
  firstId: number;
  displayName?: (record: StoredRecord, store: OdooStore) => string;
  /** stored computed fields that depend on other values */
  compute?: (record: StoredRecord, store: OdooStore) => void;
  constraints?: Constraint[];
  /** utm.*: a taken name gets " [2]", " [3]"… instead of failing (utm.mixin._get_unique_names) */
  uniqueNames?: boolean;
  /** the groups an AccessError names as allowed */
  accessGroups: string[];
}

const char = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'char', string, ...extra });
const html = (string: string): FieldDef => ({ type: 'html', string });
const bool = (string: string, fallback = false): FieldDef => ({ type: 'boolean', string, default: fallback });
const many2one = (relation: string, string: string): FieldDef => ({ type: 'many2one', relation, string });
const selection = (string: string, options: Array<[string, string]>, fallback: string | false, required = false): FieldDef => ({
  type: 'selection',
  string,
  selection: () => options,
  default: fallback,
  required,
});

const MAGIC_FIELDS: Record<string, FieldDef> = {
  id: { type: 'integer', string: 'ID', magic: true },
  display_name: { type: 'char', string: 'Display Name', magic: true },
  create_uid: { type: 'many2one', relation: 'res.users', string: 'Created by', magic: true },
  create_date: { type: 'datetime', string: 'Created on', magic: true },
  write_uid: { type: 'many2one', relation: 'res.users', string: 'Last Updated by', magic: true },
  write_date: { type: 'datetime', string: 'Last Updated on', magic: true },
};

const SALES_GROUPS = ['Sales/User: Own Documents Only', 'Sales/User: All Documents'];
const nameRequired = (string: string) => char(string, { required: true });

/** A PostgreSQL UNIQUE constraint: NULLs never collide. */
function unique(name: string, model: string, field: string, message: string): Constraint {
  return {
    name,
    message,
    violated: (record, store) => record[field] !== false && store.all(model).some((other) => other.id !== record.id && other[field] === record[field]),
  };
}

const installedLanguages = (store: OdooStore): Array<[string, string]> =>
  store.all('res.lang').filter((language) => language.active === true).map((language) => [String(language.code), String(language.name)]);

/** res.partner._get_complete_name: a contact of a company reads "Company, Person". */
function partnerDisplayName(record: StoredRecord, store: OdooStore): string {
  const name = typeof record.name === 'string' ? record.name : '';
  const parent = typeof record.parent_id === 'number' ? store.get('res.partner', record.parent_id) : undefined;
  if (parent && !record.is_company) return `${typeof parent.name === 'string' ? parent.name : ''}, ${name}`.trim();
  return name.trim();
}

const MODELS: Record<string, ModelDef> = {
  'res.partner': {
    description: 'Contact',
    order: 'display_name, id desc', // Odoo: complete_name ASC, id DESC
    firstId: 7, // a fresh database already holds the company, the admin and the bots' partners
    accessGroups: ['Extra Rights/Contact Creation'],
    fields: {
      name: char('Name'),
      email: char('Email'),
      phone: char('Phone'),
      mobile: char('Mobile'),
      website: char('Website Link'),
      function: char('Job Position'),
      is_company: bool('Is a Company'),
      parent_id: many2one('res.partner', 'Related Company'),
      type: selection('Address Type', [['contact', 'Contact'], ['invoice', 'Invoice Address'], ['delivery', 'Delivery Address'], ['other', 'Other Address']], 'contact'),
      ref: char('Reference'),
      lang: { type: 'selection', string: 'Language', selection: installedLanguages, default: 'en_US' },
      comment: html('Notes'),
      active: bool('Active', true),
    },
    displayName: partnerDisplayName,
    constraints: [
      {
        name: 'res_partner_check_name',
        message: 'Contacts require a name',
        violated: (record) => record.type === 'contact' && record.name === false,
      },
    ],
  },
  'crm.lead': {
    description: 'Lead/Opportunity',
    order: 'id desc', // Odoo: priority desc, id desc
    firstId: 1,
    accessGroups: SALES_GROUPS,
    fields: {
      name: nameRequired('Opportunity'),
      type: selection('Type', [['lead', 'Lead'], ['opportunity', 'Opportunity']], 'lead', true),
      priority: selection('Priority', [['0', 'Low'], ['1', 'Medium'], ['2', 'High'], ['3', 'Very High']], '0'),
      user_id: many2one('res.users', 'Salesperson'),
      partner_id: many2one('res.partner', 'Customer'),
      contact_name: char('Contact Name'),
      partner_name: char('Company Name'),
      function: char('Job Position'),
      email_from: char('Email'),
      phone: char('Phone'),
      mobile: char('Mobile'),
      website: char('Website'),
      description: html('Notes'),
      source_id: many2one('utm.source', 'Source'),
      medium_id: many2one('utm.medium', 'Medium'),
      campaign_id: many2one('utm.campaign', 'Campaign'),
      tag_ids: { type: 'many2many', relation: 'crm.tag', relationTable: 'crm_tag_rel', relationColumn: 'tag_id', string: 'Tags' },
      lang_id: many2one('res.lang', 'Language'),
      active: bool('Active', true),
      // a new lead starts in the first stage (crm.lead._default_stage_id); Odoo's own probability
      // is computed by its PLS, here it is what the test or the stage sets
      stage_id: { ...many2one('crm.stage', 'Stage'), default: 1 },
      probability: { type: 'float', string: 'Probability', default: 10 },
    },
    // crm.lead._compute_name: a lead without a name is named after its customer
    compute: (record, store) => {
      const partner = typeof record.partner_id === 'number' ? store.get('res.partner', record.partner_id) : undefined;
      if (record.name === false && partner && typeof partner.name === 'string' && partner.name) record.name = `${partner.name}'s opportunity`;
    },
  },
  'crm.stage': {
    description: 'CRM Stages',
    order: 'sequence, name, id',
    firstId: 1,
    accessGroups: SALES_GROUPS,
    fields: { name: nameRequired('Stage Name'), sequence: { type: 'integer', string: 'Sequence', default: 1 }, is_won: bool('Is Won Stage?'), fold: bool('Folded in Pipeline') },
  },
  'utm.source': {
    description: 'UTM Source',
    order: 'id',
    firstId: 1,
    accessGroups: ['User types/Internal User'],
    fields: { name: nameRequired('Source Name') },
    uniqueNames: true,
    constraints: [unique('utm_source_unique_name', 'utm.source', 'name', 'The name must be unique')],
  },
  'utm.medium': {
    description: 'UTM Medium',
    order: 'name',
    firstId: 1,
    accessGroups: ['User types/Internal User'],
    fields: { name: nameRequired('Medium Name'), active: bool('Active', true) },
    uniqueNames: true,
    constraints: [unique('utm_medium_unique_name', 'utm.medium', 'name', 'The name must be unique')],
  },
  'utm.campaign': {
    description: 'UTM Campaign',
    order: 'id',
    firstId: 1,
    accessGroups: ['User types/Internal User'],
    fields: { name: nameRequired('Campaign Identifier'), active: bool('Active', true) },
    uniqueNames: true,
    constraints: [unique('utm_campaign_unique_name', 'utm.campaign', 'name', 'The name must be unique')],
  },
  'crm.tag': {
    description: 'CRM Tag',
    order: 'id',
    firstId: 1,
    accessGroups: SALES_GROUPS,
    fields: { name: nameRequired('Tag Name') },
    constraints: [unique('crm_tag_name_uniq', 'crm.tag', 'name', 'Tag name already exists!')],
  },
  'res.lang': {
    description: 'Languages',
    order: 'active desc, name',
    firstId: 1,
    accessGroups: ['Administration/Settings'],
    fields: { name: nameRequired('Name'), code: char('Locale Code', { required: true }), active: bool('Active') },
    constraints: [
      unique('res_lang_name_uniq', 'res.lang', 'name', 'The name of the language must be unique!'),
      unique('res_lang_code_uniq', 'res.lang', 'code', 'The code of the language must be unique!'),
    ],
  },
  'res.users': {
    description: 'User',
    order: 'name, login',
    firstId: 1,
    accessGroups: ['Administration/Access Rights'],
    fields: { name: char('Name'), login: char('Login', { required: true }), active: bool('Active', true) },
    constraints: [unique('res_users_login_key', 'res.users', 'login', 'You can not have two users with the same login!')],
  },
};

const FIELDS: Record<string, Record<string, FieldDef>> = Object.fromEntries(
  Object.entries(MODELS).map(([name, model]) => [name, { ...MAGIC_FIELDS, ...model.fields }])
);

// ---------------------------------------------------------------------------------------------
// Value conversion.
// ---------------------------------------------------------------------------------------------

const pad = (value: number) => String(value).padStart(2, '0');

/** Odoo's datetime format: UTC, no zone, whole seconds. */
function toOdooDatetime(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}
const odooNow = () => toOdooDatetime(new Date());

/** A datetime given in a domain: a Date, 'YYYY-MM-DD HH:MM:SS' or a bare 'YYYY-MM-DD' (midnight). */
function datetimeOperand(value: XmlRpcValue): XmlRpcValue {
  if (value instanceof Date) return toOdooDatetime(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value} 00:00:00`;
  return value;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A small part of Odoo's html_sanitize, enough for what a sync writes: plain text becomes one
 * paragraph ("yop" → "<p>yop</p>", Odoo's own test case), markup keeps its tags minus scripts.
 * So a client that writes text and reads it back sees what it would see from a real Odoo.
 */
function sanitizeHtml(value: string): string {
  if (value === '') return '';
  if (!/<[a-zA-Z/!]/.test(value)) return `<p>${escapeHtml(value)}</p>`;
  return value.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
}

/** Ids as Odoo's browse() takes them: one id, a list of ids, or nothing. */
function toIds(value: XmlRpcValue | undefined): number[] {
  if (value === undefined || value === null || value === false) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (typeof item === 'number' && Number.isInteger(item)) return item;
    if (typeof item === 'string' && /^-?\d+$/.test(item)) return Number(item); // XML-RPC i8 arrive as strings
    throw pythonError(`TypeError: Invalid id ${pyRepr(item)}: ids must be integers`);
  });
}

/** offset/limit: XML-RPC has no None, and odoo-await sends an empty <value/> for undefined. */
function optionalInt(value: XmlRpcValue | undefined): number | null {
  if (value === undefined || value === null || value === false || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number)) throw pythonError(`TypeError: ${pyRepr(value)} is not an integer`);
  return number;
}

// ---------------------------------------------------------------------------------------------
// Domains: Odoo's Polish notation, leaves [field, operator, value], implicit AND.
// ---------------------------------------------------------------------------------------------

type Leaf = [string | number, string, XmlRpcValue];
type DomainNode = { op: '&' | '|'; left: DomainNode; right: DomainNode } | { op: '!'; operand: DomainNode } | { op: 'leaf'; leaf: Leaf };

const OPERATORS = new Set(['=', '!=', '<=', '<', '>', '>=', '=?', '=like', '=ilike', 'like', 'not like', 'ilike', 'not ilike', 'in', 'not in', 'any', 'not any']);
const LIKE_OPERATORS = new Set(['like', 'not like', 'ilike', 'not ilike', '=like', '=ilike']);

function toLeaf(term: XmlRpcValue): Leaf {
  if (Array.isArray(term) && term.length === 3 && (typeof term[0] === 'string' || typeof term[0] === 'number') && typeof term[1] === 'string') {
    const operator = term[1].toLowerCase();
    // Odoo normalises these two aliases; child_of/parent_of are real but not needed here.
    const normalised = operator === '<>' ? '!=' : operator === '==' ? '=' : operator;
    if (normalised === 'child_of' || normalised === 'parent_of') throw pythonError(`NotImplementedError: the fake Odoo does not support ${pyRepr(normalised)}`);
    if (!OPERATORS.has(normalised)) throw pythonError(`ValueError: Invalid leaf ${pyTuple(term)}`);
    return [term[0], normalised, term[2]];
  }
  throw pythonError(`ValueError: Invalid leaf ${pyRepr(term)}`);
}

/** Parses the prefix notation; consecutive top-level terms are AND-ed, as Odoo's normalize_domain does. */
function parseDomain(domain: XmlRpcValue[]): DomainNode | null {
  let position = 0;
  const next = (): DomainNode => {
    if (position >= domain.length) throw pythonError(`ValueError: Domain ${pyRepr(domain)} is syntactically not correct.`);
    const term = domain[position++];
    if (term === '&' || term === '|') return { op: term, left: next(), right: next() };
    if (term === '!') return { op: '!', operand: next() };
    return { op: 'leaf', leaf: toLeaf(term) };
  };
  const nodes: DomainNode[] = [];
  while (position < domain.length) nodes.push(next());
  return nodes.length === 0 ? null : nodes.reduce((left, right) => ({ op: '&', left, right }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** SQL LIKE: % any run, _ one character, backslash escapes (PostgreSQL's default escape). */
function likeToRegExp(pattern: string, insensitive: boolean): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\' && index + 1 < pattern.length) source += escapeRegExp(pattern[++index]);
    else source += char === '%' ? '.*' : char === '_' ? '.' : escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, insensitive ? 'is' : 's');
}

type Scalar = string | number | boolean;

function looseEquals(left: Scalar, right: XmlRpcValue): boolean {
  if (right === null || right === false) return left === false;
  if (typeof left === 'number' && typeof right === 'string' && /^-?\d+(\.\d+)?$/.test(right)) return left === Number(right);
  return left === right;
}

function compareScalars(left: Scalar, right: XmlRpcValue, operator: string): boolean {
  if (left === false || right === false || right === null) return false; // NULL compares to nothing
  const a = typeof left === 'boolean' ? Number(left) : left;
  const b = typeof right === 'boolean' ? Number(right) : typeof right === 'number' || typeof right === 'string' ? right : String(right);
  const [x, y] = typeof a === 'number' && typeof b === 'string' && b !== '' && !Number.isNaN(Number(b)) ? [a, Number(b)] : [a, b];
  switch (operator) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

/** like/ilike wrap the value in %…%; =like/=ilike take it as the whole pattern. Negative ones match NULL. */
function matchLike(values: string[], operator: string, right: XmlRpcValue): boolean {
  const text = right === false || right === null ? '' : typeof right === 'string' ? right : pyRepr(right);
  const pattern = operator.startsWith('=') ? text : `%${text}%`;
  const regex = likeToRegExp(pattern, operator.includes('ilike'));
  const any = values.some((value) => regex.test(value));
  return operator.startsWith('not ') ? !any : any;
}

// ---------------------------------------------------------------------------------------------
// The in-memory database.
// ---------------------------------------------------------------------------------------------

type Tables = Map<string, Map<number, StoredRecord>>;

export interface SearchOptions {
  offset?: number | null;
  limit?: number | null;
  order?: string | null;
  activeTest?: boolean;
}

export class OdooStore {
  private tables: Tables = new Map();
  private sequences = new Map<string, number>();

  constructor(private readonly user: { uid: number; login: string }) {
    this.reset();
  }

  /** Back to a fresh database: the languages and users only. */
  reset(): void {
    this.tables = new Map(Object.keys(MODELS).map((name) => [name, new Map()]));
    this.sequences = new Map(Object.entries(MODELS).map(([name, model]) => [name, model.firstId]));
    this.seed('res.users', 1, { name: 'OdooBot', login: '__system__', active: false });
    this.seed('res.users', this.user.uid, { name: 'Magnetiq Integration', login: this.user.login });
    this.seed('res.lang', 1, { name: 'English (US)', code: 'en_US', active: true });
    this.seed('res.lang', 2, { name: 'German / Deutsch', code: 'de_DE', active: true });
    // the stages of a fresh CRM (crm/data/crm_stage_data.xml)
    this.seed('crm.stage', 1, { name: 'New', sequence: 1 });
    this.seed('crm.stage', 2, { name: 'Qualified', sequence: 2 });
    this.seed('crm.stage', 3, { name: 'Proposition', sequence: 3 });
    this.seed('crm.stage', 4, { name: 'Won', sequence: 70, is_won: true, fold: true });
  }

  /**
   * What a salesperson does in the pipeline: moves a lead to a stage by name (a won stage sets
   * probability 100, as crm.lead.write does), or marks it lost (archived, probability 0).
   */
  moveLead(id: number, move: { stage?: string; probability?: number; lost?: boolean }): void {
    const lead = this.get('crm.lead', id);
    if (!lead) throw new Error(`no crm.lead ${id}`);
    if (move.lost) Object.assign(lead, { active: false, probability: 0 });
    if (move.stage !== undefined) {
      const stage = this.all('crm.stage').find((candidate) => candidate.name === move.stage);
      if (!stage) throw new Error(`no crm.stage named ${move.stage}`);
      lead.stage_id = stage.id;
      if (stage.is_won === true) lead.probability = 100;
    }
    if (move.probability !== undefined) lead.probability = move.probability;
    lead.write_date = odooNow();
  }

  /**
   * Runs a call in a transaction, as Odoo does per request: a fault rolls every change back.
   * The id sequences are not rolled back, like PostgreSQL sequences.
   */
  transaction<T>(work: () => T): T {
    const saved = structuredClone(this.tables);
    try {
      return work();
    } catch (error) {
      this.tables = saved;
      throw error;
    }
  }

  /** env[model]: an unknown model is a UserError in Odoo 17 (service/model.py, execute_cr). */
  model(name: string): ModelDef {
    const model = Object.hasOwn(MODELS, name) ? MODELS[name] : undefined;
    if (!model) throw userError(`Object ${name} doesn't exist`);
    return model;
  }

  fields(model: string): Record<string, FieldDef> {
    this.model(model);
    return FIELDS[model];
  }

  all(model: string): StoredRecord[] {
    return [...(this.tables.get(model)?.values() ?? [])];
  }

  get(model: string, id: number): StoredRecord | undefined {
    return this.tables.get(model)?.get(id);
  }

  /** Copies of the stored rows, in id order, archived ones included. */
  raw(model: string): StoredRecord[] {
    this.model(model);
    return structuredClone(this.all(model).sort((a, b) => a.id - b.id));
  }

  displayName(model: string, record: StoredRecord): string {
    const custom = MODELS[model].displayName;
    if (custom) return custom(record, this);
    return typeof record.name === 'string' ? record.name : '';
  }

  create(model: string, vals: XmlRpcValue): number {
    const definition = this.model(model);
    const values = this.checkVals(model, vals);
    const record = this.blank(model, this.nextId(model));
    this.assign(model, record, values);
    definition.compute?.(record, this);
    if (definition.uniqueNames) this.makeNameUnique(model, record);
    const now = odooNow();
    Object.assign(record, { create_uid: this.user.uid, create_date: now, write_uid: this.user.uid, write_date: now });
    this.table(model).set(record.id, record);
    this.checkConstraints(model, record);
    return record.id;
  }

  write(model: string, idsValue: XmlRpcValue | undefined, vals: XmlRpcValue): void {
    const definition = this.model(model);
    const ids = toIds(idsValue);
    const values = this.checkVals(model, vals);
    const missing = ids.filter((id) => !this.get(model, id));
    if (missing.length > 0) {
      // ir.rule check_access_rule: what Odoo answers for a write on deleted records
      throw userError(
        'One of the documents you are trying to access has been deleted, please try again after refreshing.' +
          `\n\n(Document type: ${model}, Operation: write, Records: ${pyRepr(missing.slice(0, 6))}, User: ${this.user.uid})`
      );
    }
    if (Object.keys(values).length === 0) return;
    const records = ids.map((id) => this.get(model, id) as StoredRecord);
    const now = odooNow();
    for (const record of records) {
      this.assign(model, record, values);
      definition.compute?.(record, this);
      if (definition.uniqueNames && 'name' in values) this.makeNameUnique(model, record);
      Object.assign(record, { write_uid: this.user.uid, write_date: now });
    }
    for (const record of records) this.checkConstraints(model, record);
  }

  /** Deleting records that are already gone is not an error in Odoo; references are set to NULL. */
  unlink(model: string, idsValue: XmlRpcValue | undefined): void {
    this.model(model);
    const ids = new Set(toIds(idsValue));
    for (const id of ids) this.table(model).delete(id);
    for (const [name, fields] of Object.entries(FIELDS)) {
      for (const record of this.all(name)) {
        for (const [fieldName, field] of Object.entries(fields)) {
          if (field.relation !== model) continue;
          const value = record[fieldName];
          if (field.type === 'many2one' && typeof value === 'number' && ids.has(value)) record[fieldName] = false;
          if (field.type === 'many2many' && Array.isArray(value)) record[fieldName] = value.filter((id) => !ids.has(id));
        }
      }
    }
  }

  search(model: string, domainValue: XmlRpcValue | undefined, options: SearchOptions = {}): StoredRecord[] {
    const definition = this.model(model);
    const domain = this.domainList(domainValue);
    // BaseModel._where_calc: archived records are left out unless the domain names `active`
    if ('active' in definition.fields && options.activeTest !== false && !domain.some((item) => Array.isArray(item) && item[0] === 'active')) {
      domain.unshift(['active', '=', true]);
    }
    const tree = parseDomain(domain);
    if (tree) this.checkDomainFields(model, tree);
    const found = this.all(model).filter((record) => !tree || this.matches(model, tree, record));
    const sorted = this.sort(model, found, options.order || definition.order);
    const offset = options.offset ?? 0;
    return sorted.slice(offset, options.limit ? offset + options.limit : undefined);
  }

  /** read(): many2one as [id, display name] (or the bare id when `load` is not '_classic_read'). */
  read(model: string, records: StoredRecord[], fieldsValue: XmlRpcValue | undefined, classic = true): XmlRpcStruct[] {
    const fields = this.fields(model);
    const names = Array.isArray(fieldsValue) && fieldsValue.length > 0 ? fieldsValue : Object.keys(fields);
    for (const name of names) {
      if (typeof name !== 'string' || !Object.hasOwn(fields, name)) throw pythonError(`ValueError: Invalid field ${pyRepr(name)} on model ${pyRepr(model)}`);
    }
    return records.map((record) => {
      const row: XmlRpcStruct = { id: record.id };
      for (const name of names as string[]) row[name] = this.readValue(model, record, name, fields[name], classic);
      return row;
    });
  }

  fieldsGet(model: string, allfields: XmlRpcValue | undefined, attributes: XmlRpcValue | undefined): XmlRpcStruct {
    const fields = this.fields(model);
    const wanted = Array.isArray(allfields) && allfields.length > 0 ? allfields.filter((name): name is string => typeof name === 'string') : Object.keys(fields);
    const keep = Array.isArray(attributes) && attributes.length > 0 ? new Set(attributes) : null;
    const result: XmlRpcStruct = {};
    for (const name of wanted) {
      const field = fields[name];
      if (!field) continue;
      const description: XmlRpcStruct = {
        type: field.type,
        string: field.string,
        required: Boolean(field.required),
        readonly: Boolean(field.magic),
        store: name !== 'display_name',
        ...(field.relation ? { relation: field.relation } : {}),
        ...(field.selection ? { selection: field.selection(this) } : {}),
      };
      result[name] = keep ? Object.fromEntries(Object.entries(description).filter(([key]) => keep.has(key))) : description;
    }
    return result;
  }

  // -- internals ------------------------------------------------------------------------------

  private table(model: string): Map<number, StoredRecord> {
    const table = this.tables.get(model);
    if (!table) throw userError(`Object ${model} doesn't exist`);
    return table;
  }

  private nextId(model: string): number {
    const id = this.sequences.get(model) ?? 1;
    this.sequences.set(model, id + 1);
    return id;
  }

  private blank(model: string, id: number): StoredRecord {
    const record: StoredRecord = { id };
    for (const [name, field] of Object.entries(MODELS[model].fields)) {
      record[name] = field.default ?? (field.type === 'many2many' ? [] : field.type === 'integer' ? 0 : false);
    }
    return record;
  }

  private seed(model: string, id: number, values: Record<string, StoredValue>): void {
    const now = odooNow();
    this.table(model).set(id, { ...this.blank(model, id), ...values, create_uid: 1, create_date: now, write_uid: 1, write_date: now });
    this.sequences.set(model, Math.max(this.sequences.get(model) ?? 1, id + 1));
  }

  /** The values of a create/write: unknown fields fail like Odoo's, magic columns are dropped. */
  private checkVals(model: string, vals: XmlRpcValue): XmlRpcStruct {
    if (!isStruct(vals)) throw pythonError(`TypeError: expected a dictionary of field values, got ${pyRepr(vals)}`);
    const fields = this.fields(model);
    const values: XmlRpcStruct = {};
    for (const [name, value] of Object.entries(vals)) {
      const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (!field) throw pythonError(`ValueError: Invalid field ${pyRepr(name)} on model ${pyRepr(model)}`);
      if (!field.magic) values[name] = value;
    }
    return values;
  }

  private assign(model: string, record: StoredRecord, values: XmlRpcStruct): void {
    const fields = this.fields(model);
    for (const [name, value] of Object.entries(values)) {
      const field = fields[name];
      record[name] = field.type === 'many2many' ? this.applyCommands(model, name, field, record[name], value) : this.convert(model, name, field, value);
    }
  }

  private convert(model: string, name: string, field: FieldDef, value: XmlRpcValue): StoredValue {
    const empty = value === false || value === null;
    switch (field.type) {
      case 'char':
      case 'text':
        return empty ? false : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : pyRepr(value);
      case 'html':
        return empty ? false : sanitizeHtml(typeof value === 'string' ? value : pyRepr(value));
      case 'boolean':
        return pyTruthy(value);
      case 'integer':
        return empty ? 0 : (optionalInt(value) ?? 0);
      case 'float':
        if (empty) return 0;
        if (typeof value === 'number' && Number.isFinite(value)) return value;
        throw pythonError(`ValueError: could not convert string to float: ${pyRepr(value)}`);
      case 'datetime':
        if (empty) return false;
        if (value instanceof Date) return toOdooDatetime(value);
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(value)) return value.length === 10 ? `${value} 00:00:00` : value;
        throw pythonError(`ValueError: time data ${pyRepr(value)} does not match format '%Y-%m-%d %H:%M:%S'`);
      case 'selection': {
        if (empty) return false;
        const allowed = field.selection?.(this).map(([key]) => key) ?? [];
        if (typeof value !== 'string' || !allowed.includes(value)) throw pythonError(`ValueError: Wrong value for ${model}.${name}: ${pyRepr(value)}`);
        return value;
      }
      case 'many2one':
        return this.reference(model, name, field, value);
      default:
        throw new Error(`unhandled field type ${field.type}`);
    }
  }

  /** A many2one takes an id (or [id, name]) or false; a missing target is a foreign-key violation. */
  private reference(model: string, name: string, field: FieldDef, value: XmlRpcValue): number | false {
    const id = Array.isArray(value) ? value[0] : value;
    if (id === false || id === null || id === 0) return false;
    if (typeof id !== 'number' || !Number.isInteger(id)) throw pythonError(`ValueError: Wrong value for ${model}.${name}: ${pyRepr(value)}`);
    if (!this.get(field.relation as string, id)) throw foreignKeyViolation(MODELS[model].description, model, `${model.replace(/\./g, '_')}_${name}_fkey`);
    return id;
  }

  /**
   * Many2many values: Odoo's command lists. [0, 0, vals] create and link, [1, id, vals] update,
   * [2, id, 0] delete, [3, id, 0] unlink, [4, id, 0] link, [5, 0, 0] clear, [6, 0, ids] replace.
   * A bare id in the list is taken as a link.
   */
  private applyCommands(model: string, name: string, field: FieldDef, current: StoredValue, value: XmlRpcValue): number[] {
    if (value === false || value === null) return [];
    if (!Array.isArray(value)) throw pythonError(`ValueError: Wrong value for ${model}.${name}: ${pyRepr(value)}`);
    const comodel = field.relation as string;
    const linked = (id: XmlRpcValue): number => {
      const [checked] = toIds(id);
      // The relation table's foreign key: its table is no model, so Odoo names the model "Unknown".
      if (checked === undefined || !this.get(comodel, checked)) throw foreignKeyViolation('Unknown', 'unknown', `${field.relationTable}_${field.relationColumn}_fkey`);
      return checked;
    };
    let ids = Array.isArray(current) ? [...current] : [];
    const add = (id: number) => {
      if (!ids.includes(id)) ids.push(id);
    };
    for (const command of value) {
      if (typeof command === 'number') {
        add(linked(command));
        continue;
      }
      if (!Array.isArray(command) || command.length === 0) continue;
      const [code, id, argument] = command;
      switch (code) {
        case 0:
          add(this.create(comodel, argument));
          break;
        case 1:
          this.write(comodel, linked(id), argument);
          break;
        case 2: {
          const target = linked(id);
          this.unlink(comodel, target);
          ids = ids.filter((item) => item !== target);
          break;
        }
        case 3:
          ids = ids.filter((item) => item !== Number(id));
          break;
        case 4:
          add(linked(id));
          break;
        case 5:
          ids = [];
          break;
        case 6:
          ids = [];
          for (const item of toIds(argument)) add(linked(item));
          break;
        default:
          throw pythonError(`ValueError: Wrong value for ${model}.${name}: ${pyRepr(value)}`);
      }
    }
    return ids;
  }

  private makeNameUnique(model: string, record: StoredRecord): void {
    if (typeof record.name !== 'string') return;
    const split = (name: string): [string, number] => {
      const match = /^(.*)\s+\[(\d+)\]$/.exec(name);
      return match ? [match[1], Number(match[2])] : [name, 1];
    };
    const [base, counter] = split(record.name);
    const used = this.all(model)
      .filter((other) => other.id !== record.id && typeof other.name === 'string')
      .map((other) => split(other.name as string))
      .filter(([otherBase]) => otherBase === base)
      .map(([, otherCounter]) => otherCounter);
    if (used.includes(counter)) record.name = `${base} [${Math.max(...used) + 1}]`;
  }

  /** NOT NULL first, then the model's SQL constraints, with the texts of _as_validation_error. */
  private checkConstraints(model: string, record: StoredRecord): void {
    const definition = MODELS[model];
    for (const [name, field] of Object.entries(definition.fields)) {
      if (field.required && record[name] === false) {
        throw userError(
          'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
            '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
            `Model: ${definition.description} (${model})\nField: ${field.string} (${name})\n`
        );
      }
    }
    for (const constraint of definition.constraints ?? []) {
      if (constraint.violated(record, this)) throw userError(`The operation cannot be completed: ${constraint.message}`);
    }
  }

  private readValue(model: string, record: StoredRecord, name: string, field: FieldDef, classic: boolean): XmlRpcValue {
    if (name === 'id') return record.id;
    if (name === 'display_name') return this.displayName(model, record);
    const value = record[name] ?? false;
    if (field.type === 'many2one' && typeof value === 'number') {
      const target = this.get(field.relation as string, value);
      return classic && target ? [value, this.displayName(field.relation as string, target)] : value;
    }
    return Array.isArray(value) ? [...value] : value;
  }

  private domainList(value: XmlRpcValue | undefined): XmlRpcValue[] {
    if (value === undefined || value === null || value === false || value === '') return [];
    if (!Array.isArray(value)) throw pythonError(`ValueError: Invalid domain ${pyRepr(value)}`);
    return [...value];
  }

  /** Odoo checks every leaf's field before querying, so a bad field fails even on an empty table. */
  private checkDomainFields(model: string, node: DomainNode): void {
    switch (node.op) {
      case '&':
      case '|':
        this.checkDomainFields(model, node.left);
        this.checkDomainFields(model, node.right);
        break;
      case '!':
        this.checkDomainFields(model, node.operand);
        break;
      default:
        this.leafField(model, node.leaf);
    }
  }

  /** The field a leaf names (and, for a dotted path or any, the fields on the comodel). */
  private leafField(model: string, leaf: Leaf): FieldDef | null {
    const [left, operator] = leaf;
    if (typeof left === 'number') return null;
    const [head, ...rest] = left.split('.');
    const fields = FIELDS[model];
    const field = Object.hasOwn(fields, head) ? fields[head] : undefined;
    if (!field) throw pythonError(`ValueError: Invalid field ${model}.${head} in leaf ${pyTuple(leaf)}`);
    if (rest.length > 0 || operator === 'any' || operator === 'not any') {
      if (!field.relation) throw pythonError(`ValueError: Invalid field ${model}.${left} in leaf ${pyTuple(leaf)}`);
      const subtree = parseDomain(this.subdomain(leaf));
      if (subtree) this.checkDomainFields(field.relation, subtree);
    }
    return field;
  }

  /** A dotted path is `any` on the relation (expression._anyfy_leaves). */
  private subdomain([left, operator, right]: Leaf): XmlRpcValue[] {
    const rest = String(left).split('.').slice(1);
    return rest.length > 0 ? [[rest.join('.'), operator, right]] : this.domainList(right);
  }

  private matches(model: string, node: DomainNode, record: StoredRecord): boolean {
    switch (node.op) {
      case '&':
        return this.matches(model, node.left, record) && this.matches(model, node.right, record);
      case '|':
        return this.matches(model, node.left, record) || this.matches(model, node.right, record);
      case '!':
        return !this.matches(model, node.operand, record);
      default:
        return this.matchLeaf(model, node.leaf, record);
    }
  }

  private matchLeaf(model: string, leaf: Leaf, record: StoredRecord): boolean {
    const [left, operator, right] = leaf;
    // (1, '=', 1) and (0, '=', 1): Odoo's TRUE_LEAF and FALSE_LEAF
    const field = this.leafField(model, leaf);
    if (typeof left === 'number' || !field) return left === right;
    const head = left.split('.')[0];
    if (left.includes('.') || operator === 'any' || operator === 'not any') {
      const tree = parseDomain(this.subdomain(leaf));
      const related = this.relatedIds(record, head).map((id) => this.get(field.relation as string, id)).filter((target): target is StoredRecord => !!target);
      const any = related.some((target) => !tree || this.matches(field.relation as string, tree, target));
      return operator === 'not any' ? !any : any;
    }
    return this.matchValue(model, record, head, field, operator, right);
  }

  private relatedIds(record: StoredRecord, name: string): number[] {
    const value = record[name];
    return Array.isArray(value) ? value : typeof value === 'number' ? [value] : [];
  }

  private matchValue(model: string, record: StoredRecord, name: string, field: FieldDef, operatorIn: string, rightIn: XmlRpcValue): boolean {
    if (operatorIn === '=?' && (rightIn === false || rightIn === null)) return true;
    const operator = operatorIn === '=?' ? '=' : operatorIn;
    const right = field.type === 'datetime' ? (Array.isArray(rightIn) ? rightIn.map(datetimeOperand) : datetimeOperand(rightIn)) : rightIn;
    if (field.type === 'many2many') return this.matchMany(record, name, field, operator, right);

    let left: Scalar = name === 'id' ? record.id : name === 'display_name' ? this.displayName(model, record) : (record[name] as Scalar);
    const textual = typeof right === 'string' || (Array.isArray(right) && right.some((item) => typeof item === 'string'));
    // a many2one compared with text compares the target's display name, as Odoo's name_search does
    if (field.type === 'many2one' && (textual || LIKE_OPERATORS.has(operator)) && typeof left === 'number') {
      const target = this.get(field.relation as string, left);
      left = target ? this.displayName(field.relation as string, target) : false;
    }
    const coerce = (value: XmlRpcValue): XmlRpcValue => (field.type === 'boolean' && value !== null ? pyTruthy(value) : value);
    const list = (): XmlRpcValue[] => (Array.isArray(right) ? right : [right]).map(coerce);

    if (LIKE_OPERATORS.has(operator)) return left === false ? operator.startsWith('not ') : matchLike([String(left)], operator, right);
    switch (operator) {
      case '=':
        return looseEquals(left, coerce(right));
      case '!=': // Odoo adds "OR column IS NULL" to negative operators
        return !looseEquals(left, coerce(right));
      case 'in':
        return list().some((item) => looseEquals(left, item));
      case 'not in':
        return !list().some((item) => looseEquals(left, item));
      default:
        return compareScalars(left, right, operator);
    }
  }

  /** x2many leaves: '='/'in' mean "has one of", false means "has none", text matches names. */
  private matchMany(record: StoredRecord, name: string, field: FieldDef, operator: string, right: XmlRpcValue): boolean {
    const ids = this.relatedIds(record, name);
    const comodel = field.relation as string;
    const names = () => ids.map((id) => this.get(comodel, id)).filter((target): target is StoredRecord => !!target).map((target) => this.displayName(comodel, target));
    if (LIKE_OPERATORS.has(operator)) return matchLike(names(), operator, right);
    const hasOne = (item: XmlRpcValue) => (item === false || item === null ? ids.length === 0 : typeof item === 'string' ? names().includes(item) : ids.includes(Number(item)));
    const items = Array.isArray(right) ? right : [right];
    switch (operator) {
      case '=':
      case 'in':
        return items.some(hasOne);
      case '!=':
      case 'not in':
        return !items.some(hasOne);
      default:
        return ids.some((id) => compareScalars(id, right, operator));
    }
  }

  /** Odoo's order spec: "field [asc|desc] [nulls first|last], …"; PostgreSQL puts NULLs last when ascending. */
  private sort(model: string, records: StoredRecord[], order: string): StoredRecord[] {
    const fields = FIELDS[model];
    const terms = order.split(',').map((part) => {
      const match = /^\s*([a-z0-9_]+)(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?\s*$/i.exec(part);
      if (!match) throw pythonError(`ValueError: Invalid order ${pyRepr(order)}`);
      const [, name, direction, nulls] = match;
      if (!Object.hasOwn(fields, name)) throw pythonError(`ValueError: Invalid field ${pyRepr(name)} on model ${pyRepr(model)}`);
      const descending = direction?.toLowerCase() === 'desc';
      return { name, descending, nullsFirst: nulls ? nulls.toLowerCase() === 'first' : descending };
    });
    const collator = new Intl.Collator('en');
    const key = (record: StoredRecord, name: string): string | number | null => {
      if (name === 'display_name') return this.displayName(model, record);
      const value = record[name];
      const field = fields[name];
      if (field.type === 'many2one' && typeof value === 'number') {
        const target = this.get(field.relation as string, value);
        return target ? this.displayName(field.relation as string, target) : null;
      }
      if (value === false && field.type !== 'boolean') return null;
      if (typeof value === 'boolean') return Number(value);
      return Array.isArray(value) ? value.length : value;
    };
    return [...records].sort((a, b) => {
      for (const term of terms) {
        const [x, y] = [key(a, term.name), key(b, term.name)];
        if (x === y) continue;
        if (x === null || y === null) return (x === null ? -1 : 1) * (term.nullsFirst ? 1 : -1);
        const difference = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        if (difference !== 0) return term.descending ? -difference : difference;
      }
      return a.id - b.id;
    });
  }
}

function foreignKeyViolation(description: string, model: string, constraint: string): OdooFault {
  return userError(
    'The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${description} (${model})\nConstraint: ${constraint}\n`
  );
}

// ---------------------------------------------------------------------------------------------
// Model methods, bound like Python binds arguments (positional, then keyword).
// ---------------------------------------------------------------------------------------------

type Arguments = Record<string, XmlRpcValue | undefined>;

interface MethodCall {
  store: OdooStore;
  model: string;
  ids: number[];
  args: Arguments;
  context: XmlRpcStruct;
}

interface MethodSpec {
  /** record methods (read, write, unlink) take the ids as their first positional argument */
  onRecords: boolean;
  params: readonly string[];
  required: number;
  /** keyword arguments passed through (search_read hands **read_kwargs to read) */
  extraKwargs?: readonly string[];
  run: (call: MethodCall) => XmlRpcValue;
}

const searchOptions = (call: MethodCall): SearchOptions => ({
  offset: optionalInt(call.args.offset),
  limit: optionalInt(call.args.limit),
  order: typeof call.args.order === 'string' ? call.args.order : null,
  activeTest: call.context.active_test === undefined ? true : pyTruthy(call.context.active_test),
});
const isClassicLoad = (load: XmlRpcValue | undefined) => load === undefined || load === '_classic_read';

const METHODS: Record<string, MethodSpec> = {
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
      const count = call.store.search(call.model, call.args.domain, { activeTest: searchOptions(call).activeTest }).length;
      const limit = optionalInt(call.args.limit);
      return limit ? Math.min(count, limit) : count;
    },
  },
  search_read: {
    onRecords: false,
    params: ['domain', 'fields', 'offset', 'limit', 'order'],
    required: 0,
    extraKwargs: ['load'],
    run: (call) => call.store.read(call.model, call.store.search(call.model, call.args.domain, searchOptions(call)), call.args.fields, isClassicLoad(call.args.load)),
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
        isClassicLoad(call.args.load)
      ),
  },
  create: {
    onRecords: false,
    params: ['vals_list'],
    required: 1,
    // @api.model_create_multi: one dict gives one id, a list of dicts a list of ids
    run: (call) => {
      const vals = call.args.vals_list ?? null;
      return Array.isArray(vals) ? vals.map((item) => call.store.create(call.model, item)) : call.store.create(call.model, vals);
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
      if (typeof name === 'string' && name !== '') domain.push(['display_name', typeof operator === 'string' ? operator : 'ilike', name]);
      const limit = call.args.limit === undefined ? 100 : optionalInt(call.args.limit);
      return call.store.search(call.model, domain, { limit, activeTest: searchOptions(call).activeTest }).map((record) => [record.id, call.store.displayName(call.model, record)]);
    },
  },
  fields_get: {
    onRecords: false,
    params: ['allfields', 'attributes'],
    required: 0,
    run: (call) => call.store.fieldsGet(call.model, call.args.allfields, call.args.attributes),
  },
};

function bindArguments(method: string, spec: MethodSpec, args: XmlRpcValue[], kwargs: XmlRpcStruct): Arguments {
  if (args.length > spec.params.length) {
    throw pythonError(`TypeError: BaseModel.${method}() takes ${spec.params.length + 1} positional arguments but ${args.length + 1} were given`);
  }
  const bound: Arguments = Object.fromEntries(spec.params.map((name, index) => [name, args[index]]));
  for (const [key, value] of Object.entries(kwargs)) {
    if (!spec.params.includes(key) && !spec.extraKwargs?.includes(key)) throw pythonError(`TypeError: BaseModel.${method}() got an unexpected keyword argument ${pyRepr(key)}`);
    if (bound[key] !== undefined) throw pythonError(`TypeError: BaseModel.${method}() got multiple values for argument ${pyRepr(key)}`);
    bound[key] = value;
  }
  const missing = spec.params.slice(0, spec.required).filter((name) => bound[name] === undefined);
  if (missing.length > 0) throw pythonError(`TypeError: BaseModel.${method}() missing ${missing.length} required positional argument: ${missing.map(pyRepr).join(', ')}`);
  return bound;
}

/** odoo.api.call_kw: pops the context, splits the ids off record methods, calls the method. */
function callModelMethod(store: OdooStore, model: string, method: string, argsValue: XmlRpcValue | undefined, kwargsValue: XmlRpcValue | undefined): XmlRpcValue {
  // check_method_name: private methods are refused with an AccessError
  if (method.startsWith('_')) throw new OdooFault(4, `Private methods (such as ${model}.${method}) cannot be called remotely.`);
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

// ---------------------------------------------------------------------------------------------
// Fault injection and the record of calls.
// ---------------------------------------------------------------------------------------------

export type FaultKind = 'access' | 'validation' | 'server';

export interface FaultPlan {
  kind: FaultKind;
  /** how many matching calls fail; -1 until cleared */
  times: number;
  model?: string;
  method?: string;
  /** replaces the default fault string (for server: the exception line of the traceback) */
  message?: string;
}

export interface CallRecord {
  service: 'common' | 'object';
  method: string;
  model?: string;
  modelMethod?: string;
  /** an answer other than a fault reached the client */
  ok: boolean;
  outcome: 'result' | 'fault' | 'dropped';
  /** the call ran to completion on the server (true for the "answer lost" half of flaky) */
  applied: boolean;
  at: string;
}

export interface FlakyPlan {
  rate: number;
  seed?: number;
  /** only drop before, or only after, applying the call; default: half and half */
  when?: 'before' | 'after';
}

/** A small seeded PRNG (mulberry32), so a flaky run can be replayed with the same seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DESCRIPTIONS_OF_OPERATIONS: Record<string, string> = { create: 'create', write: 'modify', unlink: 'delete' };

/** The texts Odoo 17's ir.model.access and _as_validation_error send for these faults. */
function injectedFault(plan: FaultPlan, model: string, method: string): OdooFault {
  const definition = Object.hasOwn(MODELS, model) ? MODELS[model] : undefined;
  const description = definition?.description ?? model;
  switch (plan.kind) {
    case 'access': {
      const operation = DESCRIPTIONS_OF_OPERATIONS[method] ?? 'access';
      const groups = (definition?.accessGroups ?? ['Administration/Settings']).map((group) => `\t- ${group}`).join('\n');
      return new OdooFault(
        4,
        plan.message ??
          `You are not allowed to ${operation} '${description}' (${model}) records.\n\nThis operation is allowed for the following groups:\n${groups}\n\nContact your administrator to request access if necessary.`
      );
    }
    case 'validation': {
      const [fieldName, field] = Object.entries(definition?.fields ?? {}).find(([, candidate]) => candidate.required) ?? ['name', { string: 'Name' }];
      return userError(
        plan.message ??
          'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
            '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
            `Model: ${description} (${model})\nField: ${field.string} (${fieldName})\n`
      );
    }
    default:
      return pythonError(
        plan.message ??
          'psycopg2.OperationalError: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.'
      );
  }
}

class Chaos {
  downUntil = 0;
  slowMs = 0;
  faults: FaultPlan[] = [];
  private flaky: { rate: number; random: () => number; when?: 'before' | 'after' } | null = null;

  clear(): void {
    this.downUntil = 0;
    this.slowMs = 0;
    this.faults = [];
    this.flaky = null;
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

  /** The first planned fault that matches this call, used up by one. */
  takeFault(model: string, method: string): FaultPlan | undefined {
    const index = this.faults.findIndex((plan) => (!plan.model || plan.model === model) && (!plan.method || plan.method === method));
    if (index < 0) return undefined;
    const plan = this.faults[index];
    if (plan.times > 0 && --plan.times === 0) this.faults.splice(index, 1);
    return plan;
  }
}

// ---------------------------------------------------------------------------------------------
// The server.
// ---------------------------------------------------------------------------------------------

export interface FakeOdooOptions {
  db?: string;
  login?: string;
  password?: string;
  port?: number;
}

/** Odoo's uid of the API user (1 is OdooBot, 2 the first real user). */
export const FAKE_ODOO_UID = 2;

const VERSION: XmlRpcStruct = {
  server_version: '17.0',
  server_version_info: [17, 0, 0, 'final', 0, ''],
  server_serie: '17.0',
  protocol_version: 1,
};

class BadRequest extends Error {}

function readJson(raw: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = raw ? JSON.parse(raw) : {};
  } catch {
    throw new BadRequest('the body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('the body must be a JSON object');
  return body as Record<string, unknown>;
}

function numberField(body: Record<string, unknown>, name: string, fallback?: number): number {
  const value = body[name] ?? fallback;
  if (typeof value !== 'number' || Number.isNaN(value)) throw new BadRequest(`${name} must be a number`);
  return value;
}

export async function startFakeOdoo({ db = 'magnetiq', login = 'odoo-bot@magnetiq.test', password = 'odoo-api-key', port = 0 }: FakeOdooOptions = {}) {
  const uid = FAKE_ODOO_UID;
  const store = new OdooStore({ uid, login });
  const chaos = new Chaos();
  let calls: CallRecord[] = [];

  const common = (method: string, params: XmlRpcValue[]): XmlRpcValue => {
    const matches = () => params[0] === db && params[1] === login && params[2] === password;
    switch (method) {
      case 'version':
        return VERSION;
      case 'authenticate':
        if (params.length !== 4) throw pythonError(`TypeError: exp_authenticate() takes 4 positional arguments but ${params.length} were given`, COMMON_FRAMES);
        // res.users.authenticate raises AccessDenied, which exp_authenticate turns into False
        return matches() ? uid : false;
      case 'login':
        if (params.length !== 3) throw pythonError(`TypeError: exp_login() takes 3 positional arguments but ${params.length} were given`, COMMON_FRAMES);
        return matches() ? uid : false;
      default:
        throw pythonError(`KeyError: 'exp_${method}'`, COMMON_FRAMES);
    }
  };

  const object = (method: string, params: XmlRpcValue[]): XmlRpcValue => {
    if (method !== 'execute_kw' && method !== 'execute') throw pythonError(`NameError: Method not available ${method}`);
    const [callerDb, callerUid, callerPassword, model, modelMethod, ...rest] = params;
    // security.check: every call carries the credentials, checked before anything else
    if (callerDb !== db || Number(callerUid) !== uid || callerPassword !== password) throw new OdooFault(3, 'Access Denied');
    if (typeof model !== 'string' || typeof modelMethod !== 'string') throw pythonError('TypeError: model and method must be strings');
    const planned = chaos.takeFault(model, modelMethod);
    if (planned) throw injectedFault(planned, model, modelMethod);
    const [args, kwargs] = method === 'execute_kw' ? [rest[0], rest[1]] : [rest, undefined];
    if (method === 'execute_kw' && !Array.isArray(args)) throw pythonError("TypeError: execute_kw() missing 1 required positional argument: 'args'");
    return store.transaction(() => callModelMethod(store, model, modelMethod, args, kwargs));
  };

  /** No answer at all: the client sees the connection reset, as with an unreachable or crashed host. */
  const drop = (req: http.IncomingMessage): void => {
    req.socket.destroy();
  };

  async function answerRpc(service: 'common' | 'object', req: http.IncomingMessage, body: string, res: http.ServerResponse) {
    const entry: CallRecord = { service, method: '?', ok: false, outcome: 'dropped', applied: false, at: new Date().toISOString() };
    calls.push(entry);
    let xml: string;
    let parsed: { methodName: string; params: XmlRpcValue[] } | null = null;
    try {
      parsed = await parseMethodCall(body);
    } catch (error) {
      xml = Serializer.serializeFault(pythonError(`xml.parsers.expat.ExpatError: ${(error as Error).message}`, RPC_FRAMES));
    }
    if (parsed) {
      entry.method = parsed.methodName;
      if (service === 'object' && typeof parsed.params[3] === 'string') entry.model = parsed.params[3];
      if (service === 'object' && typeof parsed.params[4] === 'string') entry.modelMethod = parsed.params[4];
    }

    if (chaos.isDown()) return drop(req);
    const flaky = chaos.flakyDrop();
    if (flaky === 'before') return drop(req);

    if (parsed) {
      try {
        const result = service === 'common' ? common(parsed.methodName, parsed.params) : object(parsed.methodName, parsed.params);
        xml = Serializer.serializeMethodResponse(result);
        entry.applied = true;
        entry.outcome = 'result';
      } catch (error) {
        if (!(error instanceof OdooFault)) throw error;
        xml = Serializer.serializeFault({ faultCode: error.faultCode, faultString: error.faultString });
        entry.outcome = 'fault';
      }
    }
    // the call happened, its answer is lost: the case that makes idempotent writes matter
    if (flaky === 'after') {
      entry.outcome = 'dropped';
      return drop(req);
    }
    // a slow Odoo: the call is applied at once, its answer comes late (a client may time out first)
    if (chaos.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, chaos.slowMs).unref());
    entry.ok = entry.outcome === 'result';
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end(xml!);
  }

  function control(req: http.IncomingMessage, url: URL, raw: string, res: http.ServerResponse) {
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
      case 'POST /__fake/slow':
        chaos.slowMs = Math.max(0, numberField(readJson(raw), 'ms'));
        return sendJson(res, 200, { ok: true });
      case 'POST /__fake/fault': {
        const body = readJson(raw);
        if (body.kind !== 'access' && body.kind !== 'validation' && body.kind !== 'server') throw new BadRequest("kind must be 'access', 'validation' or 'server'");
        const times = numberField(body, 'times', 1);
        if (times === 0 || times < -1) throw new BadRequest('times must be positive, or -1 for until cleared');
        const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
        chaos.faults.push({ kind: body.kind, times, model: text('model'), method: text('method'), message: text('message') });
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /__fake/flaky': {
        const body = readJson(raw);
        const rate = numberField(body, 'rate');
        if (rate < 0 || rate > 1) throw new BadRequest('rate must be between 0 and 1');
        if (body.when !== undefined && body.when !== 'before' && body.when !== 'after') throw new BadRequest("when must be 'before' or 'after'");
        chaos.setFlaky({ rate, seed: body.seed === undefined ? undefined : numberField(body, 'seed'), when: body.when });
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /__fake/clear':
        chaos.clear();
        return sendJson(res, 200, { ok: true });
      case 'POST /__fake/reset':
        chaos.clear();
        store.reset();
        calls = [];
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
        return sendJson(res, 200, { calls });
      case 'DELETE /__fake/calls':
        calls = [];
        return sendJson(res, 200, { ok: true });
      default:
        return sendJson(res, 404, { error: `no control ${route}` });
    }
  }

  const server = await listen(async (req, body, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/__fake/')) {
      try {
        return control(req, url, body, res);
      } catch (error) {
        if (error instanceof BadRequest) return sendJson(res, 400, { error: error.message });
        if (error instanceof OdooFault) return sendJson(res, 400, { error: error.faultString, faultCode: error.faultCode });
        throw error;
      }
    }
    const service = url.pathname === '/xmlrpc/2/common' ? 'common' : url.pathname === '/xmlrpc/2/object' ? 'object' : null;
    if (service && req.method === 'POST') return answerRpc(service, req, body, res);
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not Found');
  }, port);

  return { url: server.url, db, login, password, uid, close: server.close };
}

export type FakeOdoo = Awaited<ReturnType<typeof startFakeOdoo>>;
