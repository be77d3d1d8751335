import type { Core } from '@strapi/strapi';
import { newDocumentId as newId, UID } from '../utils';
import type { OutboxMessage } from './outbox';

export interface PlannedMessage extends Omit<OutboxMessage, 'contactId'> {
  /** the statement writes the contact's document id into payload.contact */
  withContact?: boolean;
  /** only for a contact that has not confirmed yet (double opt-in) */
  unlessConfirmed?: boolean;
}

export interface CaptureRow {
  contact_id: number;
  contact_document_id: string;
  contact_status: string;
  activity_id: number;
}

interface CaptureRows {
  now: Date;
  contact: Record<string, unknown> & { document_id: string; email: string };
  consents: Array<Record<string, unknown> & { purpose: string; action: string; grantedIfConfirmed?: boolean }>;
  activity: Record<string, unknown> & { document_id: string };
  messages: PlannedMessage[];
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  inverseOrderColumnName?: string;
}

/** The identity fields of a contact (docs/adr/0014-contact-identity.md). */
const CONTACT_MERGE_COLUMNS = ['first_name', 'last_name', 'company', 'job_title', 'phone', 'country'];

/**
 * Everything a captured lead writes, as ONE SQL statement (data-modifying CTEs): the contact
 * upsert, consent rows, the activity, their links to the contact, and the outbox rows.
 *
 * Why not Strapi's query engine: it needs about four round trips per row (insert, max order,
 * link insert, re-read) plus BEGIN/COMMIT, which made the public endpoint slower than a plain
 * Strapi read. A single statement is atomic by itself and takes one round trip. The link-table
 * layout comes from Strapi's metadata, so the rows are what the query engine would write.
 */
export function captureStatement(strapi: Core.Strapi, rows: CaptureRows) {
  const knex = strapi.db.connection;
  const link = (uid: string): JoinTable => {
    const joinTable = (
      strapi.db.metadata.get(uid) as unknown as { attributes: Record<string, { joinTable?: JoinTable } | undefined> }
    ).attributes.contact?.joinTable;
    if (!joinTable) throw new Error(`${uid}.contact has no join table`);
    return joinTable;
  };
  const table = (uid: string) => (strapi.db.metadata.get(uid) as unknown as { tableName: string }).tableName;
  const bindings: unknown[] = [];
  const bind = (value: unknown) => {
    bindings.push(value);
    return '?';
  };
  const id = (name: string) => {
    bindings.push(name);
    return '??';
  };
  const timestamps = () => `${bind(rows.now)}, ${bind(rows.now)}, ${bind(rows.now)}`;

  const contactColumns = Object.keys(rows.contact);
  // Anyone can type any email into a public form. A contact who confirmed the address keeps the
  // identity it has: the form only fills what is empty (what was typed is on the activity). An
  // unconfirmed contact is as anonymous as the new input, so the newest non-empty value wins.
  // (one template literal: identifiers are bound in the order they appear in the text)
  const mergeColumn = (column: string) =>
    `${id(column)} = case when ${id(table(UID.contact))}.confirmed_at is null
      then coalesce(excluded.${id(column)}, ${id(table(UID.contact))}.${id(column)})
      else coalesce(${id(table(UID.contact))}.${id(column)}, excluded.${id(column)}) end`;
  const contactSql = () => `contact as (
    insert into ${id(table(UID.contact))} (${contactColumns.map(id).join(', ')}, status, last_activity_at, created_at, updated_at, published_at)
    values (${contactColumns.map((column) => bind(rows.contact[column])).join(', ')}, 'new', ${bind(rows.now)}, ${timestamps()})
    on conflict (email) do update set
      ${CONTACT_MERGE_COLUMNS.map((column) => mergeColumn(column)).join(',\n      ')},
      language = excluded.language, last_activity_at = excluded.last_activity_at, updated_at = excluded.updated_at
    returning id, document_id, status)`;

  // Link rows with the order column Strapi keeps for the contact's side of the relation.
  const linkSql = (name: string, uid: string, source: string) => {
    const joinTable = link(uid);
    const order = joinTable.inverseOrderColumnName;
    const columns = [joinTable.joinColumn.name, joinTable.inverseJoinColumn.name, ...(order ? [order] : [])];
    return `${name} as (
    insert into ${id(joinTable.name)} (${columns.map(id).join(', ')})
    select ${source}.id, contact.id${
      order
        ? `, coalesce((select max(${id(order)}) from ${id(joinTable.name)} where ${id(joinTable.inverseJoinColumn.name)} = contact.id), 0) + row_number() over (order by ${source}.id)`
        : ''
    }
    from ${source}, contact)`;
  };

  const consentColumns = ['document_id', 'purpose', 'action', 'text_version', 'source', 'ip_hash', 'user_agent'];
  const consentsSql = () => `consents as (
    insert into ${id(table(UID.consent))} (${consentColumns.map(id).join(', ')}, recorded_at, created_at, updated_at, published_at)
    select v.document_id, v.purpose, case when v.granted_if_confirmed and contact.status = 'confirmed' then 'granted' else v.action end,
      v.text_version, v.source, v.ip_hash, v.user_agent, ${bind(rows.now)}, ${timestamps()}
    from contact, (values ${rows.consents
      .map(
        (consent) =>
          `(${bind(newId())}, ${bind(consent.purpose)}, ${bind(consent.action)}, ${bind(consent.text_version)}::varchar, ${bind(consent.source)}::varchar, ${bind(consent.ip_hash)}::varchar, ${bind(consent.user_agent)}::varchar, ${bind(consent.grantedIfConfirmed === true)}::boolean)`,
      )
      .join(', ')}) as v(document_id, purpose, action, text_version, source, ip_hash, user_agent, granted_if_confirmed)
    returning id)`;

  const activityColumns = Object.keys(rows.activity);
  const activitySql = () => `activity as (
    insert into ${id(table(UID.activity))} (${activityColumns.map(id).join(', ')}, occurred_at, created_at, updated_at, published_at)
    values (${activityColumns.map((column) => (column === 'details' ? `${bind(rows.activity[column])}::jsonb` : bind(rows.activity[column]))).join(', ')}, ${bind(rows.now)}, ${timestamps()})
    returning id)`;

  const outboxSql = () => `outbox as (
    insert into ${id(table(UID.outbox))} (document_id, topic, payload, idempotency_key, status, attempts, next_attempt_at, contact_id, created_at, updated_at, published_at)
    select v.document_id, v.topic,
      case when v.with_contact then jsonb_set(v.payload, '{contact}', to_jsonb(contact.document_id)) else v.payload end,
      v.idempotency_key, 'pending', 0, coalesce(v.not_before, ${bind(rows.now)}), contact.id, ${timestamps()}
    from contact, (values ${rows.messages
      .map(
        (message) =>
          `(${bind(newId())}, ${bind(message.topic)}, ${bind(JSON.stringify(message.payload))}::jsonb, ${bind(message.idempotencyKey)}, ${bind(message.withContact === true)}::boolean, ${bind(message.unlessConfirmed === true)}::boolean, ${bind(message.notBefore ?? null)}::timestamptz)`,
      )
      .join(', ')}) as v(document_id, topic, payload, idempotency_key, with_contact, unless_confirmed, not_before)
    where not v.unless_confirmed or contact.status <> 'confirmed'
    on conflict (idempotency_key) do nothing)`;

  // Placeholders are bound in the order the text is built: build the parts in statement order.
  const parts = [
    contactSql(),
    consentsSql(),
    linkSql('consent_links', UID.consent, 'consents'),
    activitySql(),
    linkSql('activity_link', UID.activity, 'activity'),
  ];
  if (rows.messages.length > 0) parts.push(outboxSql());
  const sql = `with ${parts.join(',\n  ')}
  select contact.id as contact_id, contact.document_id as contact_document_id, contact.status as contact_status, activity.id as activity_id
  from contact, activity`;
  return knex.raw(sql, bindings);
}
