import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RequestContext } from '@magnetiq/plugin-kit/server';
import { stringify } from 'csv-stringify/sync';
import { AUDIT_CSV_COLUMNS, parseAuditFilters } from '../domain/audit-query';
import { parseRelease, parseSchedule } from '../domain/release';
import { parseStages, type Issue } from '../domain/workflow';
import { currentActor, editorialTypes, getService, hasDrafts, isEditorialType, isLocalized, leads } from '../utils';

type Ctx = RequestContext & { state: RequestContext['state'] & { userAbility?: unknown } };

interface Checker {
  can: Record<string, (entity?: unknown) => boolean>;
  cannot: Record<string, (entity?: unknown) => boolean>;
  sanitizeOutput(data: unknown): Promise<Record<string, unknown>>;
  sanitizeUpdateInput(entity?: unknown): (data: unknown) => Promise<Record<string, unknown>>;
}

const invalid = (issues: Issue[]) =>
  new errors.ValidationError(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), {
    errors: issues.map((issue) => ({
      path: [issue.path],
      message: issue.message,
      name: 'ValidationError',
      code: issue.code,
    })),
  });

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;
const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

const positiveInt = (
  value: unknown,
  path: string,
  issues: Issue[],
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
) => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) {
    issues.push({ path, code: 'invalid_number', message: `${path} must be an integer from 1 to ${max}` });
    return fallback;
  }
  return number;
};

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const versions = () => getService(strapi, 'versions');

  /** The Content Manager's own permission checks for this user and type (locales, fields). */
  const checker = (ctx: Ctx, uid: string): Checker =>
    (
      strapi.plugin('content-manager').service('permission-checker') as {
        create(options: { userAbility: unknown; model: string }): Checker;
      }
    ).create({ userAbility: ctx.state.userAbility, model: uid });

  const subject = (uid: string, locale: string | null | undefined) =>
    isLocalized(strapi, uid) && locale ? { locale } : undefined;

  /** The uid must be an editorial type; the user must read it (in this locale) in the Content Manager. */
  const readable = (ctx: Ctx, uid: unknown, locale?: string | null) => {
    if (typeof uid !== 'string' || !isEditorialType(strapi, uid))
      throw invalid([{ path: 'uid', code: 'unknown_type', message: 'uid must be a content type with history' }]);
    const permissions = checker(ctx, uid);
    if (permissions.cannot.read(subject(uid, locale)))
      throw new errors.PolicyError('You may not read this content type (or locale) in the Content Manager');
    return permissions;
  };

  const entryQuery = (query: Record<string, unknown>) => {
    const issues: Issue[] = [];
    if (typeof query.documentId !== 'string' || !DOCUMENT_ID.test(query.documentId))
      issues.push({ path: 'documentId', code: 'invalid_document_id', message: 'documentId must be a document id' });
    if (query.locale !== undefined && (typeof query.locale !== 'string' || !LOCALE.test(query.locale)))
      issues.push({ path: 'locale', code: 'invalid_locale', message: 'locale must be a locale code' });
    return { issues, documentId: String(query.documentId), locale: query.locale as string | undefined };
  };

  const versionOr404 = async (ctx: Ctx) => {
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id) || id < 1) throw new errors.NotFoundError('No such version');
    const version = await versions().get(id);
    if (!version) throw new errors.NotFoundError(`No version ${id}`);
    return version;
  };

  return {
    /** One document's versions (uid and documentId), or without them the newest versions of every type the user reads. */
    async listVersions(ctx: Ctx) {
      const query = record(ctx.query);
      const issues: Issue[] = [];
      const page = positiveInt(query.page, 'page', issues, 1);
      const pageSize = positiveInt(query.pageSize, 'pageSize', issues, 20, 100);
      const whole = query.uid === undefined && query.documentId === undefined && query.locale === undefined;
      const entry = whole ? null : entryQuery(query);
      if (entry) issues.push(...entry.issues);
      if (issues.length > 0) throw invalid(issues);
      if (entry) readable(ctx, query.uid, entry.locale);
      const uids = entry ? [String(query.uid)] : editorialTypes(strapi).filter((uid) => checker(ctx, uid).can.read());
      const { results, pagination } = await versions().list({
        uids,
        documentId: entry?.documentId,
        locale: entry?.locale,
        page,
        pageSize,
      });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: results, meta: { pagination } };
    },

    async getVersion(ctx: Ctx) {
      const version = await versionOr404(ctx);
      const permissions = readable(ctx, version.uid, version.locale);
      const current = await versions().current(
        version.uid,
        version.documentId,
        version.locale ?? '',
        hasDrafts(strapi, version.uid) ? 'draft' : null,
      );
      // only the fields this user may read, in the version and in the current draft it is compared with
      const data = await permissions.sanitizeOutput({ ...version.data, ...subject(version.uid, version.locale) });
      const now = current
        ? await permissions.sanitizeOutput({ ...current, ...subject(version.uid, version.locale) })
        : null;
      delete data.locale;
      if (now) delete now.locale;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: { ...version, data, current: now, diff: versions().diffToCurrent(version.uid, data, now) },
      };
    },

    async restoreVersion(ctx: Ctx) {
      const version = await versionOr404(ctx);
      const permissions = readable(ctx, version.uid, version.locale);
      if (permissions.cannot.update(subject(version.uid, version.locale)))
        throw new errors.PolicyError('You may not update this content type (or locale)');
      // fields the user may not write keep their current value
      const result = await versions().restore(version.id, async (data) => {
        const sanitized = await permissions.sanitizeUpdateInput(subject(version.uid, version.locale))(data);
        return sanitized;
      });
      ctx.body = {
        data: result.version,
        meta: { restoredFrom: version.id, dropped: result.dropped, missing: result.missing },
      };
    },

    async listSettings(ctx: Ctx) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await getService(strapi, 'settings').list() };
    },

    async updateSettings(ctx: Ctx) {
      const body = record(ctx.request.body);
      const issues: Issue[] = [];
      if (typeof body.uid !== 'string' || !isEditorialType(strapi, body.uid))
        issues.push({ path: 'uid', code: 'unknown_type', message: 'uid must be a content type with history' });
      for (const key of ['history', 'review', 'resetOnEdit'])
        if (body[key] !== undefined && typeof body[key] !== 'boolean')
          issues.push({ path: key, code: 'invalid_boolean', message: `${key} must be true or false` });
      const stages = parseStages(body.stages, issues);
      for (const key of Object.keys(body))
        if (!['uid', 'history', 'review', 'resetOnEdit', 'stages'].includes(key))
          issues.push({ path: key, code: 'unknown_field', message: `${key} is not a setting` });
      if (body.review === true && typeof body.uid === 'string' && !hasDrafts(strapi, body.uid))
        issues.push({ path: 'review', code: 'no_drafts', message: 'review stages need a type with drafts' });
      if (issues.length > 0) throw invalid(issues);
      const change: Record<string, unknown> = {};
      for (const key of ['history', 'review', 'resetOnEdit']) if (body[key] !== undefined) change[key] = body[key];
      if (stages) change.stages = stages;
      ctx.body = { data: await getService(strapi, 'settings').update(String(body.uid), change) };
    },

    /** One entry's stage (uid and documentId), or without them every entry past the first stage the user reads. */
    async getStage(ctx: Ctx) {
      const query = record(ctx.query);
      ctx.set('Cache-Control', 'no-store');
      if (query.uid === undefined && query.documentId === undefined && query.locale === undefined) {
        const uids = editorialTypes(strapi).filter((uid) => checker(ctx, uid).can.read());
        ctx.body = { data: await getService(strapi, 'stages').inReview(uids) };
        return;
      }
      const { issues, documentId, locale } = entryQuery(query);
      if (issues.length > 0) throw invalid(issues);
      readable(ctx, query.uid, locale);
      const uid = String(query.uid);
      const settings = await getService(strapi, 'settings').get(uid);
      ctx.body = {
        data: await getService(strapi, 'stages').get(uid, documentId, locale),
        meta: { review: settings.review, stages: settings.stages },
      };
    },

    async setStage(ctx: Ctx) {
      const body = record(ctx.request.body);
      const { issues, documentId, locale } = entryQuery(body);
      if (typeof body.stage !== 'string' || body.stage.length < 1 || body.stage.length > 100)
        issues.push({ path: 'stage', code: 'invalid_stage', message: 'stage must be a stage name' });
      if (
        body.assigneeId !== undefined &&
        body.assigneeId !== null &&
        !(Number.isInteger(body.assigneeId) && Number(body.assigneeId) > 0)
      )
        issues.push({
          path: 'assigneeId',
          code: 'invalid_assignee',
          message: 'assigneeId must be an admin user id or null',
        });
      for (const key of Object.keys(body))
        if (!['uid', 'documentId', 'locale', 'stage', 'assigneeId'].includes(key))
          issues.push({ path: key, code: 'unknown_field', message: `${key} is not a field of a stage change` });
      if (issues.length > 0) throw invalid(issues);
      const permissions = readable(ctx, body.uid, locale);
      if (permissions.cannot.update(subject(String(body.uid), locale)))
        throw new errors.PolicyError('You may not update this content type (or locale)');
      const user = ctx.state.user;
      if (!user) throw new errors.UnauthorizedError('Log in first');
      ctx.body = {
        data: await getService(strapi, 'stages').set(
          {
            uid: String(body.uid),
            documentId,
            locale,
            stage: String(body.stage),
            assigneeId: body.assigneeId as number | null | undefined,
          },
          user,
        ),
      };
    },

    async myReviews(ctx: Ctx) {
      const user = ctx.state.user;
      if (!user) throw new errors.UnauthorizedError('Log in first');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await getService(strapi, 'stages').mine(user.id) };
    },

    async listReleases(ctx: Ctx) {
      const query = record(ctx.query);
      const issues: Issue[] = [];
      const page = positiveInt(query.page, 'page', issues, 1);
      const pageSize = positiveInt(query.pageSize, 'pageSize', issues, 20, 100);
      const status = query.status;
      if (status !== undefined && !['open', 'scheduled', 'running', 'done', 'failed'].includes(String(status)))
        issues.push({
          path: 'status',
          code: 'invalid_status',
          message: 'status must be open, scheduled, running, done or failed',
        });
      if (issues.length > 0) throw invalid(issues);
      const { results, pagination } = await getService(strapi, 'releases').list({
        status: status as string | undefined,
        page,
        pageSize,
      });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: results, meta: { pagination } };
    },

    async getRelease(ctx: Ctx) {
      const id = Number(ctx.params.id);
      const release = Number.isInteger(id) && id > 0 ? await getService(strapi, 'releases').get(id) : null;
      if (!release) throw new errors.NotFoundError('No such release');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: release };
    },

    async createRelease(ctx: Ctx) {
      const parsed = parseRelease(ctx.request.body);
      if ('issues' in parsed) throw invalid(parsed.issues);
      const issues: Issue[] = [];
      parsed.value.actions.forEach((action, index) => {
        if (!isEditorialType(strapi, action.uid) || !hasDrafts(strapi, action.uid)) {
          issues.push({
            path: `actions.${index}.uid`,
            code: 'unknown_type',
            message: 'uid must be a content type with drafts',
          });
          return;
        }
        if (isLocalized(strapi, action.uid) !== (action.locale !== null))
          issues.push({
            path: `actions.${index}.locale`,
            code: 'invalid_locale',
            message: isLocalized(strapi, action.uid) ? 'this type needs a locale' : 'this type has no locales',
          });
        // whoever puts an entry in a release must be allowed to publish it themselves
        else if (checker(ctx, action.uid).cannot.publish(subject(action.uid, action.locale)))
          throw new errors.PolicyError(
            `You may not publish ${action.uid}${action.locale ? ` (${action.locale})` : ''}`,
          );
      });
      if (issues.length > 0) throw invalid(issues);
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'releases').create(parsed.value, currentActorOf(ctx)) };
    },

    async auditLog(ctx: Ctx) {
      const { filters, page, pageSize } = await auditPage(ctx);
      const { results, pagination } = await leads(strapi).audit.search({ ...filters, page, pageSize });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: results.map((entry) => ({ ...entry, occurredAt: new Date(entry.occurredAt).toISOString() })),
        meta: { pagination },
      };
    },

    /** The filtered audit log as CSV (at most 50,000 rows, newest first). */
    async auditLogExport(ctx: Ctx) {
      const { filters } = await auditPage(ctx);
      const records: unknown[][] = [AUDIT_CSV_COLUMNS];
      for (let page = 1; page <= 50; page++) {
        const { results, pagination } = await leads(strapi).audit.search({ ...filters, page, pageSize: 1000 });
        for (const entry of results)
          records.push([
            new Date(entry.occurredAt).toISOString(),
            entry.actorId ?? '',
            entry.actorEmail ?? '',
            entry.action,
            entry.subjectType,
            entry.subjectId,
            entry.details ? JSON.stringify(entry.details) : '',
          ]);
        if (page >= pagination.pageCount) break;
      }
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`);
      ctx.set('Cache-Control', 'no-store');
      // a cell starting with = + - @ is not a formula in a spreadsheet (CSV injection)
      ctx.body = stringify(
        records.map((row) =>
          row.map((cell) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)),
        ),
      );
    },

    async scheduleRelease(ctx: Ctx) {
      const id = Number(ctx.params.id);
      if (!Number.isInteger(id) || id < 1) throw new errors.NotFoundError('No such release');
      const parsed = parseSchedule(ctx.request.body, new Date());
      if ('issues' in parsed) throw invalid(parsed.issues);
      ctx.body = { data: await getService(strapi, 'releases').schedule(id, parsed.value.at, parsed.value.timeZone) };
    },
  };

  /** The audit log, filtered (user, action, type, date), paged. Super Admin only (plugin::editorial.audit.read). */
  async function auditPage(ctx: Ctx) {
    const query = record(ctx.query);
    const parsed = parseAuditFilters(query);
    const issues = 'issues' in parsed ? parsed.issues : [];
    const page = positiveInt(query.page, 'page', issues, 1);
    const pageSize = positiveInt(query.pageSize, 'pageSize', issues, 50, 200);
    if ('issues' in parsed || issues.length > 0) throw invalid(issues);
    return { filters: parsed.value, page, pageSize };
  }

  function currentActorOf(ctx: Ctx) {
    const user = ctx.state.user;
    return user ? { id: user.id, name: user.email ?? null, email: user.email ?? null } : currentActor(strapi);
  }
};
