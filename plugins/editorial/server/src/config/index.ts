export interface EditorialConfig {
  /** versions younger than this are all kept (EDITORIAL_HISTORY_RETENTION_DAYS) */
  retentionDays: number;
  /** beyond retentionDays, the newest this many per document and locale are kept */
  keepLast: number;
  /** when the retention job runs (cron, once per tick across instances) */
  pruneCron: string;
  /** how often each instance looks for due releases (ms); 0 turns the release scheduler off */
  releasePollMs: number;
  /** a release still "running" after this long (its instance died) is claimed again */
  releaseLeaseMs: number;
  /** the admin panel's address, for links in review emails */
  adminUrl: string;
}

const defaults: EditorialConfig = {
  retentionDays: 90,
  keepLast: 20,
  pruneCron: '41 3 * * *',
  releasePollMs: 15000,
  releaseLeaseMs: 10 * 60 * 1000,
  adminUrl: 'http://localhost:1337/admin',
};

export default {
  default: defaults,
  validator(config: EditorialConfig) {
    if (!(config.retentionDays >= 1)) throw new Error('editorial: retentionDays must be 1 or more');
    if (!(config.keepLast >= 1)) throw new Error('editorial: keepLast must be 1 or more');
    if (!(config.releasePollMs >= 0)) throw new Error('editorial: releasePollMs must be 0 or more');
  },
};
