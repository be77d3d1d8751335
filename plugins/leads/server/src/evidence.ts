import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Consents and the audit log are evidence (GDPR Art. 7(1), Art. 5(2)): PostgreSQL itself refuses
 * to change or remove them, so no role, route, plugin or bug can rewrite them. The one exception is
 * the erase procedure, which anonymises consent rows of an erased person inside its transaction
 * after calling allowEvidenceErase(trx). ADR 0017.
 */

/** The transaction-local setting that lets one transaction change evidence; only erase sets it. */
export const ERASE_SETTING = 'magnetiq.erase_in_progress';

/** Tables whose rows may not be updated or deleted (consents, the audit log). */
export const EVIDENCE_TABLES = ['leads_consents', 'leads_audit_logs'] as const;
/**
 * The link of a consent to its contact: deleting it or re-pointing it would detach the proof from
 * the person. Only the id columns are guarded; Strapi rewrites the order column on its own.
 */
export const EVIDENCE_LINK_TABLE = {
  table: 'leads_consents_contact_lnk',
  columns: ['consent_id', 'contact_id'],
} as const;

const FUNCTION = 'magnetiq_refuse_evidence_change';
const ROW_TRIGGER = 'magnetiq_evidence_append_only';
const TRUNCATE_TRIGGER = 'magnetiq_evidence_no_truncate';

/**
 * Lets the current transaction anonymise evidence (the erase procedure, nothing else). The setting
 * is transaction-local (`set_config(..., true)`): it ends with the transaction, and a pooled
 * connection never carries it into another request.
 */
export async function allowEvidenceErase(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`select set_config(?, 'on', true)`, [ERASE_SETTING]);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const evidenceTriggersSql = (): string[] => {
  const statements = [
    `create or replace function ${FUNCTION}() returns trigger language plpgsql as $fn$
begin
  if coalesce(current_setting('${ERASE_SETTING}', true), '') = 'on' then
    if tg_level = 'STATEMENT' then return null; end if;
    if tg_op = 'DELETE' then return old; end if;
    return new;
  end if;
  raise exception 'magnetiq: % on % refused: consents and the audit log are append-only evidence (only the erase procedure may anonymise them)', tg_op, tg_table_name
    using errcode = '42501';
end
$fn$`,
  ];
  const guard = (table: string, events: string) => [
    `drop trigger if exists ${ROW_TRIGGER} on ${ident(table)}`,
    `create trigger ${ROW_TRIGGER} before ${events} on ${ident(table)} for each row execute function ${FUNCTION}()`,
    `drop trigger if exists ${TRUNCATE_TRIGGER} on ${ident(table)}`,
    `create trigger ${TRUNCATE_TRIGGER} before truncate on ${ident(table)} for each statement execute function ${FUNCTION}()`,
  ];
  for (const table of EVIDENCE_TABLES) statements.push(...guard(table, 'update or delete'));
  statements.push(
    ...guard(EVIDENCE_LINK_TABLE.table, `update of ${EVIDENCE_LINK_TABLE.columns.map(ident).join(', ')} or delete`),
  );
  return statements;
};

/**
 * Installs the triggers, idempotently, after Strapi's schema sync (bootstrap). Several instances may
 * boot at once: an advisory lock makes them take turns.
 */
export async function installEvidenceTriggers(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection as Knex;
  await knex.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(hashtext('magnetiq.evidence-triggers'))`);
    for (const statement of evidenceTriggersSql()) await trx.raw(statement);
  });
}
