import { DateTime } from 'luxon';
import type { Issue } from './workflow';

export type ReleaseActionType = 'publish' | 'unpublish';

export interface ReleaseActionInput {
  uid: string;
  documentId: string;
  locale: string | null;
  type: ReleaseActionType;
}

export interface ReleaseInput {
  name: string;
  actions: ReleaseActionInput[];
}

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;
const UID = /^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/;
const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
export const MAX_ACTIONS = 100;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** A new release: a name and 1 to 100 actions (same document and locale at most once). */
export function parseRelease(body: unknown): { value: ReleaseInput } | { issues: Issue[] } {
  const input = record(body);
  const issues: Issue[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name.length < 1 || name.length > 200)
    issues.push({ path: 'name', code: 'invalid_name', message: 'name must be 1 to 200 characters' });
  const actions: ReleaseActionInput[] = [];
  if (!Array.isArray(input.actions) || input.actions.length < 1 || input.actions.length > MAX_ACTIONS) {
    issues.push({ path: 'actions', code: 'invalid_actions', message: `actions must list 1 to ${MAX_ACTIONS} actions` });
  } else {
    const seen = new Set<string>();
    input.actions.forEach((item, index) => {
      const action = record(item);
      const path = `actions.${index}`;
      if (typeof action.uid !== 'string' || !UID.test(action.uid))
        issues.push({ path: `${path}.uid`, code: 'invalid_uid', message: 'uid must be a content type uid' });
      if (typeof action.documentId !== 'string' || !DOCUMENT_ID.test(action.documentId))
        issues.push({
          path: `${path}.documentId`,
          code: 'invalid_document_id',
          message: 'documentId must be a document id',
        });
      const locale = action.locale ?? null;
      if (locale !== null && (typeof locale !== 'string' || !LOCALE.test(locale)))
        issues.push({
          path: `${path}.locale`,
          code: 'invalid_locale',
          message: 'locale must be a locale code or null',
        });
      if (action.type !== 'publish' && action.type !== 'unpublish')
        issues.push({
          path: `${path}.type`,
          code: 'invalid_action_type',
          message: 'type must be publish or unpublish',
        });
      const key = `${String(action.uid)}|${String(action.documentId)}|${String(locale)}`;
      if (seen.has(key))
        issues.push({ path, code: 'duplicate_action', message: 'each document and locale at most once per release' });
      seen.add(key);
      actions.push({
        uid: String(action.uid),
        documentId: String(action.documentId),
        locale: locale as string | null,
        type: action.type as ReleaseActionType,
      });
    });
  }
  const unknown = Object.keys(input).filter((key) => key !== 'name' && key !== 'actions');
  for (const key of unknown)
    issues.push({ path: key, code: 'unknown_field', message: `${key} is not a field of a release` });
  return issues.length > 0 ? { issues } : { value: { name, actions } };
}

/**
 * When to run: `scheduledAt` as an ISO date-time with an offset (or Z), or a local date-time
 * (`2026-12-24T09:00`) read in `timeZone` (the editor's IANA zone). Not in the past (a minute of grace).
 */
export function parseSchedule(
  body: unknown,
  now: Date,
): { value: { at: Date; timeZone: string | null } } | { issues: Issue[] } {
  const input = record(body);
  const issues: Issue[] = [];
  const timeZone = input.timeZone ?? null;
  const badZone = timeZone !== null && (typeof timeZone !== 'string' || !DateTime.now().setZone(timeZone).isValid);
  if (badZone)
    issues.push({ path: 'timeZone', code: 'invalid_time_zone', message: 'timeZone must be an IANA time zone' });
  const raw = input.scheduledAt;
  let at: DateTime | null = null;
  if (badZone) {
    // the time cannot be read without its zone
  } else if (typeof raw !== 'string' || raw.length > 40) {
    issues.push({
      path: 'scheduledAt',
      code: 'invalid_date_time',
      message: 'scheduledAt must be an ISO 8601 date-time',
    });
  } else {
    const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(raw);
    if (!hasOffset && timeZone === null)
      issues.push({ path: 'timeZone', code: 'time_zone_required', message: 'a local date-time needs timeZone' });
    else {
      at = DateTime.fromISO(raw, hasOffset ? { setZone: true } : { zone: timeZone as string });
      if (!at.isValid) {
        issues.push({
          path: 'scheduledAt',
          code: 'invalid_date_time',
          message: 'scheduledAt must be an ISO 8601 date-time',
        });
        at = null;
      } else if (at.toMillis() < now.getTime() - 60_000) {
        issues.push({ path: 'scheduledAt', code: 'in_the_past', message: 'scheduledAt is in the past' });
      }
    }
  }
  return issues.length > 0 || !at ? { issues } : { value: { at: at.toJSDate(), timeZone: timeZone as string | null } };
}
