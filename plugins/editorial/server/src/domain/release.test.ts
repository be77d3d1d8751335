import { describe, expect, it } from 'vitest';
import { parseAuditFilters } from './audit-query';
import { parseRelease, parseSchedule } from './release';
import { DEFAULT_STAGES, mayEnter, parseStages, type Issue } from './workflow';

const codes = (result: { issues: Issue[] } | object) =>
  'issues' in result ? result.issues.map((issue) => issue.code) : [];

describe('parseRelease', () => {
  const action = { uid: 'api::page.page', documentId: 'abc123', locale: 'en', type: 'publish' };

  it('takes a name and actions', () => {
    expect(
      parseRelease({ name: ' Launch ', actions: [action, { ...action, documentId: 'def', locale: null }] }),
    ).toEqual({
      value: {
        name: 'Launch',
        actions: [
          { uid: 'api::page.page', documentId: 'abc123', locale: 'en', type: 'publish' },
          { uid: 'api::page.page', documentId: 'def', locale: null, type: 'publish' },
        ],
      },
    });
  });

  it('refuses bad fields with a code each, and the same entry twice', () => {
    expect(codes(parseRelease({ name: '', actions: [] }))).toEqual(['invalid_name', 'invalid_actions']);
    expect(
      codes(
        parseRelease({ name: 'x', actions: [{ uid: 'nope', documentId: 'A!', locale: 7, type: 'delete' }], extra: 1 }),
      ),
    ).toEqual(['invalid_uid', 'invalid_document_id', 'invalid_locale', 'invalid_action_type', 'unknown_field']);
    expect(codes(parseRelease({ name: 'x', actions: [action, action] }))).toEqual(['duplicate_action']);
  });
});

describe('parseSchedule', () => {
  const now = new Date('2026-12-07T10:00:00Z');

  it('reads a local time in the editor’s zone (DST included) and an instant with an offset', () => {
    expect(parseSchedule({ scheduledAt: '2026-12-24T09:00', timeZone: 'Europe/Berlin' }, now)).toEqual({
      value: { at: new Date('2026-12-24T08:00:00Z'), timeZone: 'Europe/Berlin' },
    });
    expect(parseSchedule({ scheduledAt: '2027-07-01T09:00', timeZone: 'Europe/Berlin' }, now)).toEqual({
      value: { at: new Date('2027-07-01T07:00:00Z'), timeZone: 'Europe/Berlin' },
    });
    expect(parseSchedule({ scheduledAt: '2026-12-24T09:00:00Z' }, now)).toEqual({
      value: { at: new Date('2026-12-24T09:00:00Z'), timeZone: null },
    });
  });

  it('refuses a local time without zone, a bad zone, and the past', () => {
    expect(codes(parseSchedule({ scheduledAt: '2026-12-24T09:00' }, now))).toEqual(['time_zone_required']);
    expect(codes(parseSchedule({ scheduledAt: '2026-12-24T09:00', timeZone: 'Mars/Base' }, now))).toEqual([
      'invalid_time_zone',
    ]);
    expect(codes(parseSchedule({ scheduledAt: '2026-12-01T09:00:00Z' }, now))).toEqual(['in_the_past']);
    expect(codes(parseSchedule({ scheduledAt: 'soon' }, now))).toEqual(['time_zone_required']);
    expect(codes(parseSchedule({ scheduledAt: 'soon', timeZone: 'UTC' }, now))).toEqual(['invalid_date_time']);
  });
});

describe('review stages', () => {
  it('lets Super Admin and the listed roles into a stage', () => {
    const approved = DEFAULT_STAGES[2];
    expect(mayEnter(approved, ['magnetiq-editor'])).toBe(false);
    expect(mayEnter(approved, ['magnetiq-admin'])).toBe(true);
    expect(mayEnter(approved, ['strapi-super-admin'])).toBe(true);
    expect(mayEnter(DEFAULT_STAGES[1], ['magnetiq-editor'])).toBe(true);
  });

  it('parses stages: 2 to 10, distinct names, role codes', () => {
    const issues: Issue[] = [];
    expect(
      parseStages([{ name: 'Draft' }, { name: 'Legal', roles: ['magnetiq-admin'], notifyAssignee: true }], issues),
    ).toEqual([
      { name: 'Draft', roles: [], notifyAssignee: false },
      { name: 'Legal', roles: ['magnetiq-admin'], notifyAssignee: true },
    ]);
    expect(issues).toEqual([]);
    parseStages([{ name: 'A' }, { name: 'A' }, { name: 'B', roles: ['Bad Role'] }], issues);
    expect(issues.map((issue) => issue.code)).toEqual(['invalid_stage_name', 'invalid_roles']);
    const few: Issue[] = [];
    parseStages([{ name: 'Only' }], few);
    expect(few.map((issue) => issue.code)).toEqual(['invalid_stages']);
  });
});

describe('parseAuditFilters', () => {
  it('takes user, action (or prefix), type and a day range that includes its last day', () => {
    expect(
      parseAuditFilters({
        user: '3',
        action: 'content.*',
        type: 'api::page.page',
        from: '2026-12-01',
        to: '2026-12-02',
      }),
    ).toEqual({
      value: {
        actorId: 3,
        action: 'content.*',
        subjectType: 'api::page.page',
        from: new Date('2026-12-01T00:00:00Z'),
        to: new Date('2026-12-03T00:00:00Z'),
      },
    });
    expect(parseAuditFilters({})).toEqual({ value: {} });
  });

  it('refuses bad filters with a code each', () => {
    expect(codes(parseAuditFilters({ user: 'x', action: 'DROP TABLE', type: '<x>', from: 'yesterday' }))).toEqual([
      'invalid_user',
      'invalid_action',
      'invalid_type',
      'invalid_date',
    ]);
    expect(codes(parseAuditFilters({ from: '2026-12-02', to: '2026-12-01' }))).toEqual(['invalid_range']);
  });
});
