import type { Issue } from './workflow';

export interface AuditFilters {
  actorId?: number;
  action?: string;
  subjectType?: string;
  from?: Date;
  to?: Date;
}

const ACTION = /^[a-z0-9-]+(\.[a-z0-9-]+)*(\.\*)?$/;
const TYPE = /^[a-z0-9-]+(::[a-z0-9-]+(\.[a-z0-9-]+)?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const day = (value: unknown, path: string, issues: Issue[], plusOneDay = false): Date | undefined => {
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  const date = DATE.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  if (Number.isNaN(date.getTime()) || text.length > 40) {
    issues.push({ path, code: 'invalid_date', message: `${path} must be a date YYYY-MM-DD or an ISO date-time` });
    return undefined;
  }
  // `to` as a day includes that whole day
  return plusOneDay && DATE.test(text) ? new Date(date.getTime() + 24 * 3600 * 1000) : date;
};

/** ?user=<admin id>&action=<name or prefix.*>&type=<uid>&from=&to= of the audit log page and export. */
export function parseAuditFilters(query: Record<string, unknown>): { value: AuditFilters } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const filters: AuditFilters = {};
  if (query.user !== undefined && query.user !== '') {
    const id = Number(query.user);
    if (!Number.isInteger(id) || id < 1)
      issues.push({ path: 'user', code: 'invalid_user', message: 'user must be an admin user id' });
    else filters.actorId = id;
  }
  if (query.action !== undefined && query.action !== '') {
    if (typeof query.action !== 'string' || query.action.length > 100 || !ACTION.test(query.action))
      issues.push({ path: 'action', code: 'invalid_action', message: 'action must be an action name, or a prefix.*' });
    else filters.action = query.action;
  }
  if (query.type !== undefined && query.type !== '') {
    if (typeof query.type !== 'string' || query.type.length > 200 || !TYPE.test(query.type))
      issues.push({
        path: 'type',
        code: 'invalid_type',
        message: 'type must be a subject type such as api::page.page',
      });
    else filters.subjectType = query.type;
  }
  filters.from = day(query.from, 'from', issues);
  filters.to = day(query.to, 'to', issues, true);
  if (filters.from && filters.to && filters.to <= filters.from)
    issues.push({ path: 'to', code: 'invalid_range', message: 'to must be after from' });
  for (const key of Object.keys(filters) as Array<keyof AuditFilters>)
    if (filters[key] === undefined) delete filters[key];
  return issues.length > 0 ? { issues } : { value: filters };
}

export const AUDIT_CSV_COLUMNS = [
  'occurredAt',
  'actorId',
  'actorEmail',
  'action',
  'subjectType',
  'subjectId',
  'details',
];
