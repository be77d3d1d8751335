import type { Core } from '@strapi/strapi';
import { batches, leadOutcome, many2one } from '../domain/outcome';
import { getConfig, getService } from '../utils';

type OdooLead = { id: number; stage_id: unknown; probability: number | false; active: boolean };
type OdooStage = { id: number; name: string; is_won: boolean };

/**
 * Stage read-back: what became of the crm.leads we created. Reads them by the ids we stored, in
 * batches (`search_read` with an `in` domain, archived ones included), reads their stages once,
 * and writes stage name, probability and outcome on our link rows. Safe to run on several
 * instances at once: it only overwrites the rows with what Odoo says now.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async readBackStages(): Promise<{ leads: number; updated: number; missing: number }> {
    const odoo = getService(strapi, 'client');
    if (!odoo.isConfigured()) return { leads: 0, updated: 0, missing: 0 };
    const { batchSize, qualifiedProbability, qualifiedStages } = getConfig(strapi).stageReadBack;
    const knex = strapi.db.connection;
    const links: Array<{ odoo_id: number }> = await knex('odoo_sync_links')
      .where({ model: 'crm.lead' })
      .distinct('odoo_id')
      .orderBy('odoo_id');
    let updated = 0;
    let missing = 0;
    for (const ids of batches(
      links.map((link) => Number(link.odoo_id)),
      batchSize,
    )) {
      const leads = await odoo.searchRead<OdooLead>(
        'crm.lead',
        [['id', 'in', ids], '|', ['active', '=', true], ['active', '=', false]],
        ['id', 'stage_id', 'probability', 'active'],
      );
      const stageIds = [
        ...new Set(leads.map((lead) => many2one(lead.stage_id)?.id).filter((id): id is number => id !== undefined)),
      ];
      const stages = stageIds.length
        ? await odoo.searchRead<OdooStage>('crm.stage', [['id', 'in', stageIds]], ['id', 'name', 'is_won'])
        : [];
      const stageById = new Map(stages.map((stage) => [stage.id, stage]));
      missing += ids.length - leads.length;
      const now = new Date();
      await knex.transaction(async (trx) => {
        for (const lead of leads) {
          const stageRef = many2one(lead.stage_id);
          const stage = stageRef ? stageById.get(stageRef.id) : undefined;
          const probability = typeof lead.probability === 'number' ? lead.probability : null;
          const stageName = stage?.name ?? stageRef?.name ?? null;
          const outcome = leadOutcome(
            { active: lead.active !== false, probability, stageName, stageIsWon: stage?.is_won === true },
            { qualifiedProbability, qualifiedStages },
          );
          updated += await trx('odoo_sync_links')
            .where({ model: 'crm.lead', odoo_id: lead.id })
            .update({ stage_name: stageName, probability, outcome, stage_checked_at: now });
        }
      });
    }
    if (missing > 0)
      strapi.log.info(`odoo-sync: ${missing} linked leads are gone from Odoo; their last read-back stays`);
    return { leads: links.length, updated, missing };
  },
});
