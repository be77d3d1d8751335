import {
  DomainNode,
  LIKE_OPERATORS,
  Leaf,
  Scalar,
  compareScalars,
  looseEquals,
  matchLike,
  parseDomain,
} from './domain';
import { OdooFault, pythonError, userError } from './errors';
import { FIELDS, FieldDef, MODELS, ModelDef, StoredRecord, StoredValue } from './schema';
import {
  XmlRpcStruct,
  XmlRpcValue,
  datetimeOperand,
  isStruct,
  odooNow,
  optionalInt,
  pyRepr,
  pyTruthy,
  pyTuple,
  sanitizeHtml,
  toIds,
  toOdooDatetime,
} from './values';

// ---------------------------------------------------------------------------------------------
// The in-memory database.
// ---------------------------------------------------------------------------------------------

export type Tables = Map<string, Map<number, StoredRecord>>;

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

  /** The API user's id (the one every call runs as). */
  get uid(): number {
    return this.user.uid;
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
          `\n\n(Document type: ${model}, Operation: write, Records: ${pyRepr(missing.slice(0, 6))}, User: ${this.user.uid})`,
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
          if (field.type === 'many2many' && Array.isArray(value))
            record[fieldName] = value.filter((id) => !ids.has(id));
        }
      }
    }
  }

  search(model: string, domainValue: XmlRpcValue | undefined, options: SearchOptions = {}): StoredRecord[] {
    const definition = this.model(model);
    const domain = this.domainList(domainValue);
    // BaseModel._where_calc: archived records are left out unless the domain names `active`
    if (
      'active' in definition.fields &&
      options.activeTest !== false &&
      !domain.some((item) => Array.isArray(item) && item[0] === 'active')
    ) {
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
      if (typeof name !== 'string' || !Object.hasOwn(fields, name))
        throw pythonError(`ValueError: Invalid field ${pyRepr(name)} on model ${pyRepr(model)}`);
    }
    return records.map((record) => {
      const row: XmlRpcStruct = { id: record.id };
      for (const name of names as string[]) row[name] = this.readValue(model, record, name, fields[name], classic);
      return row;
    });
  }

  fieldsGet(model: string, allfields: XmlRpcValue | undefined, attributes: XmlRpcValue | undefined): XmlRpcStruct {
    const fields = this.fields(model);
    const wanted =
      Array.isArray(allfields) && allfields.length > 0
        ? allfields.filter((name): name is string => typeof name === 'string')
        : Object.keys(fields);
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
      result[name] = keep
        ? Object.fromEntries(Object.entries(description).filter(([key]) => keep.has(key)))
        : description;
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
    this.table(model).set(id, {
      ...this.blank(model, id),
      ...values,
      create_uid: 1,
      create_date: now,
      write_uid: 1,
      write_date: now,
    });
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
      record[name] =
        field.type === 'many2many'
          ? this.applyCommands(model, name, field, record[name], value)
          : this.convert(model, name, field, value);
    }
  }

  private convert(model: string, name: string, field: FieldDef, value: XmlRpcValue): StoredValue {
    const empty = value === false || value === null;
    switch (field.type) {
      case 'char':
      case 'text':
        return empty
          ? false
          : typeof value === 'string'
            ? value
            : typeof value === 'number'
              ? String(value)
              : pyRepr(value);
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
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(value))
          return value.length === 10 ? `${value} 00:00:00` : value;
        throw pythonError(`ValueError: time data ${pyRepr(value)} does not match format '%Y-%m-%d %H:%M:%S'`);
      case 'selection': {
        if (empty) return false;
        const allowed = field.selection?.(this).map(([key]) => key) ?? [];
        if (typeof value !== 'string' || !allowed.includes(value))
          throw pythonError(`ValueError: Wrong value for ${model}.${name}: ${pyRepr(value)}`);
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
    if (typeof id !== 'number' || !Number.isInteger(id))
      throw pythonError(`ValueError: Wrong value for ${model}.${name}: ${pyRepr(value)}`);
    if (!this.get(field.relation as string, id))
      throw foreignKeyViolation(MODELS[model].description, model, `${model.replace(/\./g, '_')}_${name}_fkey`);
    return id;
  }

  /**
   * Many2many values: Odoo's command lists. [0, 0, vals] create and link, [1, id, vals] update,
   * [2, id, 0] delete, [3, id, 0] unlink, [4, id, 0] link, [5, 0, 0] clear, [6, 0, ids] replace.
   * A bare id in the list is taken as a link.
   */
  private applyCommands(
    model: string,
    name: string,
    field: FieldDef,
    current: StoredValue,
    value: XmlRpcValue,
  ): number[] {
    if (value === false || value === null) return [];
    if (!Array.isArray(value)) throw pythonError(`ValueError: Wrong value for ${model}.${name}: ${pyRepr(value)}`);
    const comodel = field.relation as string;
    const linked = (id: XmlRpcValue): number => {
      const [checked] = toIds(id);
      // The relation table's foreign key: its table is no model, so Odoo names the model "Unknown".
      if (checked === undefined || !this.get(comodel, checked))
        throw foreignKeyViolation('Unknown', 'unknown', `${field.relationTable}_${field.relationColumn}_fkey`);
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
            `Model: ${definition.description} (${model})\nField: ${field.string} (${name})\n`,
        );
      }
    }
    for (const constraint of definition.constraints ?? []) {
      if (constraint.violated(record, this))
        throw userError(`The operation cannot be completed: ${constraint.message}`);
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
      const related = this.relatedIds(record, head)
        .map((id) => this.get(field.relation as string, id))
        .filter((target): target is StoredRecord => !!target);
      const any = related.some((target) => !tree || this.matches(field.relation as string, tree, target));
      return operator === 'not any' ? !any : any;
    }
    return this.matchValue(model, record, head, field, operator, right);
  }

  private relatedIds(record: StoredRecord, name: string): number[] {
    const value = record[name];
    return Array.isArray(value) ? value : typeof value === 'number' ? [value] : [];
  }

  private matchValue(
    model: string,
    record: StoredRecord,
    name: string,
    field: FieldDef,
    operatorIn: string,
    rightIn: XmlRpcValue,
  ): boolean {
    if (operatorIn === '=?' && (rightIn === false || rightIn === null)) return true;
    const operator = operatorIn === '=?' ? '=' : operatorIn;
    const right =
      field.type === 'datetime'
        ? Array.isArray(rightIn)
          ? rightIn.map(datetimeOperand)
          : datetimeOperand(rightIn)
        : rightIn;
    if (field.type === 'many2many') return this.matchMany(record, name, field, operator, right);

    let left: Scalar =
      name === 'id' ? record.id : name === 'display_name' ? this.displayName(model, record) : (record[name] as Scalar);
    const textual =
      typeof right === 'string' || (Array.isArray(right) && right.some((item) => typeof item === 'string'));
    // a many2one compared with text compares the target's display name, as Odoo's name_search does
    if (field.type === 'many2one' && (textual || LIKE_OPERATORS.has(operator)) && typeof left === 'number') {
      const target = this.get(field.relation as string, left);
      left = target ? this.displayName(field.relation as string, target) : false;
    }
    const coerce = (value: XmlRpcValue): XmlRpcValue =>
      field.type === 'boolean' && value !== null ? pyTruthy(value) : value;
    const list = (): XmlRpcValue[] => (Array.isArray(right) ? right : [right]).map(coerce);

    if (LIKE_OPERATORS.has(operator))
      return left === false ? operator.startsWith('not ') : matchLike([String(left)], operator, right);
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
  private matchMany(
    record: StoredRecord,
    name: string,
    field: FieldDef,
    operator: string,
    right: XmlRpcValue,
  ): boolean {
    const ids = this.relatedIds(record, name);
    const comodel = field.relation as string;
    const names = () =>
      ids
        .map((id) => this.get(comodel, id))
        .filter((target): target is StoredRecord => !!target)
        .map((target) => this.displayName(comodel, target));
    if (LIKE_OPERATORS.has(operator)) return matchLike(names(), operator, right);
    const hasOne = (item: XmlRpcValue) =>
      item === false || item === null
        ? ids.length === 0
        : typeof item === 'string'
          ? names().includes(item)
          : ids.includes(Number(item));
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
      if (!Object.hasOwn(fields, name))
        throw pythonError(`ValueError: Invalid field ${pyRepr(name)} on model ${pyRepr(model)}`);
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
        const difference =
          typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        if (difference !== 0) return term.descending ? -difference : difference;
      }
      return a.id - b.id;
    });
  }
}

export function foreignKeyViolation(description: string, model: string, constraint: string): OdooFault {
  return userError(
    'The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${description} (${model})\nConstraint: ${constraint}\n`,
  );
}
