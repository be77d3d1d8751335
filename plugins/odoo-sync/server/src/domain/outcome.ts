/**
 * What a crm.lead we created has become, from the fields the stage read-back gets from Odoo.
 * - lost: archived (Odoo archives a lead marked lost: active = false, probability 0);
 * - won: its stage is a won stage (crm.stage.is_won), which Odoo also shows as probability 100;
 * - qualified: its stage is one of the configured stage names, or its probability reached the
 *   configured threshold (sales' own estimate that it is a real opportunity);
 * - open: anything else.
 */
export type LeadOutcome = 'open' | 'qualified' | 'won' | 'lost';

export interface LeadState {
  active: boolean;
  probability: number | null;
  stageName: string | null;
  stageIsWon: boolean;
}

export interface OutcomeRules {
  /** probability (0–100) from which a lead counts as qualified */
  qualifiedProbability: number;
  /** stage names that count as qualified whatever the probability (case-insensitive) */
  qualifiedStages: string[];
}

export function leadOutcome(state: LeadState, rules: OutcomeRules): LeadOutcome {
  if (!state.active) return 'lost';
  if (state.stageIsWon) return 'won';
  const stage = state.stageName?.trim().toLowerCase();
  if (stage && rules.qualifiedStages.some((name) => name.trim().toLowerCase() === stage)) return 'qualified';
  if (state.probability !== null && state.probability >= rules.qualifiedProbability) return 'qualified';
  return 'open';
}

/** A many2one as search_read returns it: [id, display name], or false when unset. */
export function many2one(value: unknown): { id: number; name: string } | null {
  return Array.isArray(value) && typeof value[0] === 'number' ? { id: value[0], name: String(value[1] ?? '') } : null;
}

/** Splits ids into batches for `search_read` with an `in` domain. */
export function batches<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}
