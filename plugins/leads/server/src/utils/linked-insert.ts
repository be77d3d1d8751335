import type { Core } from '@strapi/strapi';
import { newDocumentId } from './index';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

/**
 * Inserts rows of an internal content type together with their link to one target row
 * (e.g. consents → contact) in a single statement. Strapi's query engine needs four round trips
 * per row for the same (insert, max(order), link insert, re-read); on the public capture path
 * that was most of the request time. The link table layout (names, order columns) comes from
 * Strapi's own metadata, so the rows are exactly what the query engine would have written.
 */
export async function insertWithLink(
  strapi: Core.Strapi,
  trx: unknown,
  uid: string,
  relation: string,
  targetId: number,
  rows: Array<Record<string, unknown>>
): Promise<Array<{ id: number; document_id: string }>> {
  if (rows.length === 0) return [];
  const meta = strapi.db.metadata.get(uid as any) as any;
  const joinTable: JoinTable | undefined = meta.attributes[relation]?.joinTable;
  if (!joinTable) throw new Error(`${uid}.${relation} is not a relation with a join table`);
  const knex = strapi.db.connection;
  const now = new Date();
  const insert = knex(meta.tableName)
    .insert(rows.map((row) => ({ document_id: newDocumentId(), created_at: now, updated_at: now, published_at: now, ...row })))
    .returning(['id', 'document_id'])
    .toSQL();

  const { name, joinColumn, inverseJoinColumn, inverseOrderColumnName } = joinTable;
  const linkColumns = [joinColumn.name, inverseJoinColumn.name, ...(inverseOrderColumnName ? [inverseOrderColumnName] : [])];
  const order = inverseOrderColumnName
    ? `, coalesce((select max(??) from ?? where ?? = ?), 0) + row_number() over (order by inserted.id)`
    : '';
  const orderBindings = inverseOrderColumnName ? [inverseOrderColumnName, name, inverseJoinColumn.name, targetId] : [];
  const sql = `with inserted as (${insert.sql}),
    linked as (insert into ?? (${linkColumns.map(() => '??').join(', ')}) select inserted.id, ?${order} from inserted)
    select id, document_id from inserted order by id`;
  const query = knex.raw(sql, [...insert.bindings, name, ...linkColumns, targetId, ...orderBindings]);
  const result = await (trx ? query.transacting(trx as any) : query);
  return result.rows;
}
