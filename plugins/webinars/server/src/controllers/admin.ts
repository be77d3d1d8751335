import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import {
  validateAttendance,
  validateRecording,
  validateSessionCreate,
  validateSessionUpdate,
  validateWebinarInput,
} from '../validation/registration';
import { adminSession } from '../services/sessions';
import { DOCUMENT_ID, getConfig, getService, leads } from '../utils';
import type { RequestContext } from '@magnetiq/plugin-kit/server';

const idParam = (ctx: RequestContext, name: string, what: string) => {
  const value = ctx.params[name];
  if (typeof value !== 'string' || !DOCUMENT_ID.test(value)) throw new errors.NotFoundError(`${what} not found`);
  return value;
};

export const registrationListQuerySchema = yup
  .object({
    status: yup.string().oneOf(['registered', 'waitlisted', 'cancelled', 'attended', 'no-show']).optional(),
    q: yup.string().trim().max(200).optional(),
    page: yup.number().integer().min(1).default(1),
    pageSize: yup.number().integer().min(1).max(200).default(50),
  })
  .noUnknown();
const listQuery = validateYupSchema(registrationListQuerySchema, { strict: false, abortEarly: false }) as (
  query: unknown,
) => Promise<{ status?: string; q?: string; page: number; pageSize: number }>;

const MAX_CSV_BYTES = 2 * 1024 * 1024;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sessions = () => getService(strapi, 'sessions');
  const registrations = () => getService(strapi, 'registrations');

  return {
    /** Every webinar (draft side, per locale) with its sessions and seat counts. */
    async webinars(ctx: RequestContext) {
      ctx.body = { data: await getService(strapi, 'webinars').adminList() };
    },

    async createWebinar(ctx: RequestContext) {
      const input = await validateWebinarInput(ctx.request.body ?? {});
      input.locale = await leads(strapi).locales.resolve(input.locale);
      input.language = await leads(strapi).locales.resolve(input.language, 'language');
      const documentId = await getService(strapi, 'webinars').create(input);
      ctx.status = 201;
      ctx.body = { data: { documentId } };
    },

    async sessions(ctx: RequestContext) {
      ctx.body = { data: await sessions().forWebinar(idParam(ctx, 'documentId', 'Webinar')) };
    },

    async createSession(ctx: RequestContext) {
      const input = await validateSessionCreate(ctx.request.body ?? {});
      ctx.status = 201;
      ctx.body = { data: await sessions().create(idParam(ctx, 'documentId', 'Webinar'), input) };
    },

    /** One session with its counts by status (for the capacity bar). */
    async session(ctx: RequestContext) {
      const session = await sessions().byDocumentId(idParam(ctx, 'documentId', 'Session'));
      ctx.body = { data: { ...adminSession(session), counts: await registrations().counts(session.id) } };
    },

    async updateSession(ctx: RequestContext) {
      const input = await validateSessionUpdate(ctx.request.body ?? {});
      ctx.body = { data: await sessions().update(idParam(ctx, 'documentId', 'Session'), input) };
    },

    async cancelSession(ctx: RequestContext) {
      ctx.body = { data: await sessions().cancel(idParam(ctx, 'documentId', 'Session')) };
    },

    async setRecording(ctx: RequestContext) {
      const input = await validateRecording(ctx.request.body ?? {});
      ctx.body = {
        data: await sessions().setRecording(idParam(ctx, 'documentId', 'Session'), input.recordingUrl, input.notify),
      };
    },

    async registrations(ctx: RequestContext) {
      const session = await sessions().byDocumentId(idParam(ctx, 'documentId', 'Session'));
      const query = await listQuery(ctx.query ?? {});
      ctx.body = { data: await registrations().list(session.id, query) };
      await leads(strapi).audit.adminRead(ctx.state.user, 'webinar.registrations.view', {
        type: 'webinar-session',
        id: session.document_id,
      });
    },

    async exportCsv(ctx: RequestContext) {
      const session = await sessions().byDocumentId(idParam(ctx, 'documentId', 'Session'));
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="webinar-session-${session.document_id}-registrations.csv"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await registrations().csv(session.id);
      await leads(strapi).audit.adminRead(ctx.state.user, 'webinar.registrations.export', {
        type: 'webinar-session',
        id: session.document_id,
      });
    },

    /** { marks: [{ registration, status: attended | no-show }] } */
    async markAttendance(ctx: RequestContext) {
      const session = await sessions().byDocumentId(idParam(ctx, 'documentId', 'Session'));
      const input = await validateAttendance(ctx.request.body ?? {});
      ctx.body = { data: await registrations().markAttendance(session, input.marks) };
    },

    /** { csv: "<the attendance report>", absentAreNoShow?: boolean } */
    async importAttendance(ctx: RequestContext) {
      const session = await sessions().byDocumentId(idParam(ctx, 'documentId', 'Session'));
      const body = ctx.request.body ?? {};
      if (typeof body.csv !== 'string' || body.csv.length === 0)
        throw new errors.ValidationError('csv must be the text of the attendance report', {
          errors: [{ path: ['csv'], message: 'csv is required', name: 'ValidationError', value: null }],
        });
      if (Buffer.byteLength(body.csv) > MAX_CSV_BYTES)
        throw new errors.PayloadTooLargeError(`The report is larger than ${MAX_CSV_BYTES} bytes`);
      if (body.absentAreNoShow !== undefined && typeof body.absentAreNoShow !== 'boolean')
        throw new errors.ValidationError('absentAreNoShow must be a boolean');
      ctx.body = {
        data: await registrations().importAttendance(session, body.csv, {
          absentAreNoShow: body.absentAreNoShow !== false,
        }),
      };
    },

    /**
     * Runs the reminder job now. `now` (ISO 8601) is honoured only with the test clock on
     * (WEBINARS_TEST_CLOCK, refused in production): tests move time, production cannot.
     */
    async runReminders(ctx: RequestContext) {
      const requested = ctx.request.body?.now;
      let now = new Date();
      if (requested !== undefined) {
        if (!getConfig(strapi).testClock)
          throw new errors.ForbiddenError('now is only accepted with the test clock (WEBINARS_TEST_CLOCK)');
        now = new Date(requested);
        if (typeof requested !== 'string' || Number.isNaN(now.getTime()))
          throw new errors.ValidationError('now must be an ISO 8601 date-time');
      }
      ctx.body = { data: await getService(strapi, 'reminders').runReminders(now) };
    },
  };
};
