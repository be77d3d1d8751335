import type { OdooStore } from './database';

// ---------------------------------------------------------------------------------------------
// The schema: the models and fields the CRM sync uses, as Odoo 17 defines them.
// ---------------------------------------------------------------------------------------------

export type FieldType =
  'char' | 'text' | 'html' | 'boolean' | 'integer' | 'float' | 'selection' | 'datetime' | 'many2one' | 'many2many';

/** A stored value: many2one as an id, many2many as ids, unset (SQL NULL) as false. */
export type StoredValue = string | number | boolean | number[];
export interface StoredRecord {
  id: number;
  [field: string]: StoredValue;
}

export interface FieldDef {
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

export interface Constraint {
  /** the PostgreSQL constraint's name */
  name: string;
  message: string;
  violated: (record: StoredRecord, store: OdooStore) => boolean;
}

export interface ModelDef {
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

export const char = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'char', string, ...extra });
export const html = (string: string): FieldDef => ({ type: 'html', string });
export const bool = (string: string, fallback = false): FieldDef => ({ type: 'boolean', string, default: fallback });
export const many2one = (relation: string, string: string): FieldDef => ({ type: 'many2one', relation, string });
export const selection = (
  string: string,
  options: Array<[string, string]>,
  fallback: string | false,
  required = false,
): FieldDef => ({
  type: 'selection',
  string,
  selection: () => options,
  default: fallback,
  required,
});

export const MAGIC_FIELDS: Record<string, FieldDef> = {
  id: { type: 'integer', string: 'ID', magic: true },
  display_name: { type: 'char', string: 'Display Name', magic: true },
  create_uid: { type: 'many2one', relation: 'res.users', string: 'Created by', magic: true },
  create_date: { type: 'datetime', string: 'Created on', magic: true },
  write_uid: { type: 'many2one', relation: 'res.users', string: 'Last Updated by', magic: true },
  write_date: { type: 'datetime', string: 'Last Updated on', magic: true },
};

export const SALES_GROUPS = ['Sales/User: Own Documents Only', 'Sales/User: All Documents'];
export const nameRequired = (string: string) => char(string, { required: true });

/** A PostgreSQL UNIQUE constraint: NULLs never collide. */
export function unique(name: string, model: string, field: string, message: string): Constraint {
  return {
    name,
    message,
    violated: (record, store) =>
      record[field] !== false &&
      store.all(model).some((other) => other.id !== record.id && other[field] === record[field]),
  };
}

export const installedLanguages = (store: OdooStore): Array<[string, string]> =>
  store
    .all('res.lang')
    .filter((language) => language.active === true)
    .map((language) => [String(language.code), String(language.name)]);

/** res.partner._get_complete_name: a contact of a company reads "Company, Person". */
export function partnerDisplayName(record: StoredRecord, store: OdooStore): string {
  const name = typeof record.name === 'string' ? record.name : '';
  const parent = typeof record.parent_id === 'number' ? store.get('res.partner', record.parent_id) : undefined;
  if (parent && !record.is_company) return `${typeof parent.name === 'string' ? parent.name : ''}, ${name}`.trim();
  return name.trim();
}

export const MODELS: Record<string, ModelDef> = {
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
      type: selection(
        'Address Type',
        [
          ['contact', 'Contact'],
          ['invoice', 'Invoice Address'],
          ['delivery', 'Delivery Address'],
          ['other', 'Other Address'],
        ],
        'contact',
      ),
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
      type: selection(
        'Type',
        [
          ['lead', 'Lead'],
          ['opportunity', 'Opportunity'],
        ],
        'lead',
        true,
      ),
      priority: selection(
        'Priority',
        [
          ['0', 'Low'],
          ['1', 'Medium'],
          ['2', 'High'],
          ['3', 'Very High'],
        ],
        '0',
      ),
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
      tag_ids: {
        type: 'many2many',
        relation: 'crm.tag',
        relationTable: 'crm_tag_rel',
        relationColumn: 'tag_id',
        string: 'Tags',
      },
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
      if (record.name === false && partner && typeof partner.name === 'string' && partner.name)
        record.name = `${partner.name}'s opportunity`;
    },
  },
  'crm.stage': {
    description: 'CRM Stages',
    order: 'sequence, name, id',
    firstId: 1,
    accessGroups: SALES_GROUPS,
    fields: {
      name: nameRequired('Stage Name'),
      sequence: { type: 'integer', string: 'Sequence', default: 1 },
      is_won: bool('Is Won Stage?'),
      fold: bool('Folded in Pipeline'),
    },
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
    constraints: [
      unique('res_users_login_key', 'res.users', 'login', 'You can not have two users with the same login!'),
    ],
  },
};

export const FIELDS: Record<string, Record<string, FieldDef>> = Object.fromEntries(
  Object.entries(MODELS).map(([name, model]) => [name, { ...MAGIC_FIELDS, ...model.fields }]),
);
