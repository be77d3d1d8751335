import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { getService } from '../utils';

export const saveSchema = yup
  .object({
    calendarId: yup.string().trim().required().max(300),
    subject: yup.string().trim().max(300).nullable().optional(),
    refreshToken: yup.string().trim().max(2000).nullable().optional(),
  })
  .noUnknown()
  .required();
const validateSave = validateYupSchema(saveSchema, { strict: false, abortEarly: false });

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /calendar-sync/connections */
  async list(ctx: any) {
    ctx.body = { data: await getService(strapi, 'connections').list(), meta: { configured: getService(strapi, 'google').configured() } };
  },

  /** PUT /calendar-sync/connections { calendarId, subject?, refreshToken? } */
  async save(ctx: any) {
    const body = (await validateSave(ctx.request.body ?? {})) as { calendarId: string; subject?: string | null; refreshToken?: string | null };
    if (body.subject === undefined && body.refreshToken === undefined) throw new errors.ValidationError('Give a subject or a refresh token');
    ctx.body = { data: await getService(strapi, 'connections').save(body.calendarId, body) };
  },
});
