import { PROTOCOL_SETTINGS, type ProtocolSetting } from '../domain/protocol';

export interface OdooSyncConfig {
  /** e.g. https://acme.odoo.com; empty = not configured: events wait in the outbox */
  url: string;
  db: string;
  username: string;
  /** an API key of the Odoo user (Preferences > Account Security): XML-RPC's password, JSON-2's bearer token */
  apiKey: string;
  /**
   * ODOO_PROTOCOL: `xmlrpc` (Odoo 8–21, deprecated from 19), `json2` (Odoo 19+, API key only) or
   * `auto` (asks /web/version once, JSON-2 from 19 on). docs/odoo.md
   */
  protocol: ProtocolSetting;
  /** ODOO_MAX_CALLS_PER_SECOND: calls to Odoo per second and process (token bucket); 0 = no limit */
  maxCallsPerSecond: number;
  /** ODOO_BATCH_SIZE: lead events per batch (one create per model for all of them), 1–100; 1 = one at a time */
  batchSize: number;
  /** per call */
  timeoutMs: number;
  /** attempts of one event before dead-letter (Odoo outages can last hours) */
  maxAttempts: number;
  breaker: {
    /** percentage of failed calls in the rolling window that opens the breaker */
    errorThresholdPercentage: number;
    /** calls in the window before the percentage counts */
    volumeThreshold: number;
    rollingWindowMs: number;
    /** how long the breaker stays open before one trial call */
    resetTimeoutMs: number;
  };
  /**
   * Create company partners and UTM records (source, medium, campaign) in Odoo from a contact who
   * has not confirmed the address (ODOO_CREATE_FROM_UNCONFIRMED, default off): such input is
   * anonymous, so by default it only finds existing UTM records and sets no company.
   */
  createFromUnconfirmed: boolean;
  /** how long an event waits while Odoo is not configured or refuses our credentials */
  waitWhenUnavailableMs: number;
  /** GDPR erase in Odoo: archive and anonymise the leads and the partner we created, or delete them (unlink) */
  eraseMode: 'anonymise' | 'unlink';
  /** reading back the stage of the crm.leads we created (for the analytics funnel) */
  stageReadBack: {
    enabled: boolean;
    /** cron rule (node-cron, seconds optional) */
    cron: string;
    /** ids per search_read */
    batchSize: number;
    /** probability (0–100) from which an open lead counts as qualified */
    qualifiedProbability: number;
    /** stage names that count as qualified (case-insensitive) */
    qualifiedStages: string[];
  };
}

const defaults: OdooSyncConfig = {
  url: '',
  db: '',
  username: '',
  apiKey: '',
  protocol: 'auto',
  maxCallsPerSecond: 0,
  batchSize: 100,
  timeoutMs: 10_000,
  maxAttempts: 20,
  breaker: { errorThresholdPercentage: 50, volumeThreshold: 10, rollingWindowMs: 60_000, resetTimeoutMs: 30_000 },
  createFromUnconfirmed: false,
  waitWhenUnavailableMs: 5 * 60_000,
  eraseMode: 'anonymise',
  stageReadBack: {
    enabled: true,
    cron: '*/15 * * * *',
    batchSize: 200,
    qualifiedProbability: 50,
    qualifiedStages: ['Qualified', 'Proposition'],
  },
};

/** JSON-2 needs the URL and an API key (the database is optional); XML-RPC (and auto, which may fall back to it) also the database and login. */
export const isConfigured = (config: OdooSyncConfig) =>
  Boolean(config.url && config.apiKey && (config.protocol === 'json2' || (config.db && config.username)));

export default {
  default: defaults,
  validator(config: OdooSyncConfig) {
    if (config.url && !/^https?:\/\//.test(config.url))
      throw new Error('odoo-sync: ODOO_URL must start with http:// or https://');
    if (config.eraseMode !== 'anonymise' && config.eraseMode !== 'unlink')
      throw new Error(`odoo-sync: ODOO_ERASE_MODE must be anonymise or unlink, not ${config.eraseMode}`);
    if (config.protocol !== undefined && !PROTOCOL_SETTINGS.includes(config.protocol))
      throw new Error(`odoo-sync: ODOO_PROTOCOL must be xmlrpc, json2 or auto, not ${config.protocol}`);
    if (config.maxCallsPerSecond !== undefined && !(config.maxCallsPerSecond >= 0))
      throw new Error('odoo-sync: ODOO_MAX_CALLS_PER_SECOND must be 0 (no limit) or more');
    if (
      config.batchSize !== undefined &&
      !(Number.isInteger(config.batchSize) && config.batchSize >= 1 && config.batchSize <= 100)
    )
      throw new Error('odoo-sync: ODOO_BATCH_SIZE must be a whole number from 1 to 100');
    if (config.maxAttempts < 1) throw new Error('odoo-sync: maxAttempts must be at least 1');
    const readBack = config.stageReadBack;
    if (readBack && !(readBack.batchSize >= 1 && readBack.batchSize <= 1000))
      throw new Error('odoo-sync: stageReadBack.batchSize must be between 1 and 1000');
    if (readBack && !(readBack.qualifiedProbability >= 0 && readBack.qualifiedProbability <= 100))
      throw new Error('odoo-sync: ODOO_QUALIFIED_PROBABILITY must be between 0 and 100');
  },
};
