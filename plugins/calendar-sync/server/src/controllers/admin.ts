import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { getService } from '../utils';

/** What these handlers read from Koa's context (admin routes: the admin user is in state.user). */
interface AdminContext {
  request: { body?: unknown };
  state: { user?: { id: number } };
  body: unknown;
}

const calendarId = yup.string().trim().required().max(300);
export const saveSchema = yup
  .object({
    calendarId,
    subject: yup.string().trim().max(300).nullable().optional(),
    refreshToken: yup.string().trim().max(2000).nullable().optional(),
  })
  .noUnknown()
  .required();
const validateSave = validateYupSchema(saveSchema, { strict: false, abortEarly: false });
export const calendarSchema = yup.object({ calendarId }).noUnknown().required();
const validateCalendar = validateYupSchema(calendarSchema, { strict: false, abortEarly: false });
export const callbackSchema = yup
  .object({
    state: yup.string().required().max(2000),
    code: yup.string().max(2000).optional(),
    error: yup.string().max(200).optional(),
  })
  .noUnknown()
  .required();
const validateCallback = validateYupSchema(callbackSchema, { strict: false, abortEarly: false });

const adminUserId = (ctx: AdminContext) => {
  const id = ctx.state.user?.id;
  if (typeof id !== 'number') throw new errors.UnauthorizedError('No admin session');
  return id;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /calendar-sync/connections */
  async list(ctx: AdminContext) {
    ctx.body = {
      data: await getService(strapi, 'connections').list(),
      meta: { configured: getService(strapi, 'google').configured(), oauth: getService(strapi, 'oauth').configured() },
    };
  },

  /** PUT /calendar-sync/connections { calendarId, subject?, refreshToken? } */
  async save(ctx: AdminContext) {
    const body = (await validateSave(ctx.request.body ?? {})) as {
      calendarId: string;
      subject?: string | null;
      refreshToken?: string | null;
    };
    if (body.subject === undefined && body.refreshToken === undefined)
      throw new errors.ValidationError('Give a subject or a refresh token');
    ctx.body = { data: await getService(strapi, 'connections').save(body.calendarId, body) };
  },

  /** POST /calendar-sync/oauth/start { calendarId } → { data: { url } }: the admin's browser goes there */
  async startOAuth(ctx: AdminContext) {
    const body = (await validateCalendar(ctx.request.body ?? {})) as { calendarId: string };
    ctx.body = { data: await getService(strapi, 'oauth').start(adminUserId(ctx), body.calendarId) };
  },

  /** POST /calendar-sync/oauth/callback { state, code?, error? }: what Google sent to the redirect page */
  async completeOAuth(ctx: AdminContext) {
    const body = (await validateCallback(ctx.request.body ?? {})) as { state: string; code?: string; error?: string };
    ctx.body = { data: await getService(strapi, 'oauth').complete(adminUserId(ctx), body) };
  },

  /** POST /calendar-sync/connections/disconnect { calendarId }: revoke at Google, then delete the token */
  async disconnect(ctx: AdminContext) {
    const body = (await validateCalendar(ctx.request.body ?? {})) as { calendarId: string };
    ctx.body = { data: await getService(strapi, 'oauth').disconnect(body.calendarId) };
  },
});
