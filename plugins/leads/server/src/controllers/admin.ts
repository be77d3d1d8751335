import type { Core } from '@strapi/strapi';
import { errors, yup, validateYupSchema } from '@strapi/utils';
import { getService } from '../utils';
import type { RequestContext } from '@magnetiq/plugin-kit/server';

interface PageQuery {
  page: number;
  pageSize: number;
}

/** page and pageSize of the admin lists: 25 a page, at most 100 */
const paging = {
  page: yup.number().integer().min(1).default(1),
  pageSize: yup.number().integer().min(1).max(100).default(25),
};

export const contactListQuerySchema = yup
  .object({
    q: yup.string().trim().max(200),
    status: yup.string().oneOf(['new', 'confirmed', 'unsubscribed', 'erased']),
    source: yup.string().trim().max(60),
    ...paging,
  })
  .noUnknown();
const listQuery = validateYupSchema(contactListQuerySchema, { strict: false }) as (
  query: unknown,
) => Promise<PageQuery & { q?: string; status?: string; source?: string }>;

export const outboxListQuerySchema = yup
  .object({
    status: yup.string().oneOf(['pending', 'processing', 'done', 'dead']),
    topic: yup.string().trim().max(100),
    ...paging,
  })
  .noUnknown();
const outboxQuery = validateYupSchema(outboxListQuerySchema, { strict: false }) as (
  query: unknown,
) => Promise<PageQuery & { status?: string; topic?: string }>;

const actorOf = (ctx: RequestContext) => ({ id: ctx.state.user?.id, email: ctx.state.user?.email });

const idParam = (ctx: RequestContext) => {
  const id = Number(ctx.params.id);
  if (!Number.isInteger(id) || id < 1) throw new errors.ValidationError('id must be a positive integer');
  return id;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async listContacts(ctx: RequestContext) {
    const query = await listQuery(ctx.query);
    const { results, pagination } = await getService(strapi, 'contacts').list(query);
    ctx.body = { data: results, meta: { pagination } };
  },

  async getContact(ctx: RequestContext) {
    const timeline = await getService(strapi, 'contacts').timeline(ctx.params.documentId);
    if (!timeline) throw new errors.NotFoundError('Contact not found');
    // other plugins' lines, each only for a viewer holding that plugin's permission too
    const ability = (ctx.state as { userAbility?: { can(action: string): boolean } }).userAbility;
    const entries = await getService(strapi, 'contacts').timelineEntries(
      timeline.contact,
      (permission) => ability?.can(permission) === true,
    );
    await getService(strapi, 'audit').record(actorOf(ctx), 'contact.view', {
      type: 'contact',
      id: ctx.params.documentId,
    });
    ctx.body = { data: { ...timeline, entries } };
  },

  async exportContact(ctx: RequestContext) {
    const data = await getService(strapi, 'contacts').export(ctx.params.documentId, actorOf(ctx));
    if (!data) throw new errors.NotFoundError('Contact not found');
    ctx.set('Content-Disposition', `attachment; filename="contact-${ctx.params.documentId}.json"`);
    ctx.body = { data };
  },

  async eraseContact(ctx: RequestContext) {
    const erased = await getService(strapi, 'contacts').erase(ctx.params.documentId, actorOf(ctx));
    if (!erased) throw new errors.NotFoundError('Contact not found');
    ctx.body = { data: { erased: true } };
  },

  async auditLog(ctx: RequestContext) {
    const page = Math.max(1, Number(ctx.query.page) || 1);
    const subjectId = typeof ctx.query.subjectId === 'string' ? ctx.query.subjectId : undefined;
    const { results, pagination } = await getService(strapi, 'audit').list({ subjectId, page });
    ctx.body = { data: results, meta: { pagination } };
  },

  async outboxStats(ctx: RequestContext) {
    ctx.body = { data: await getService(strapi, 'outbox').stats() };
  },

  async listOutbox(ctx: RequestContext) {
    const query = await outboxQuery(ctx.query);
    const { results, pagination } = await getService(strapi, 'outbox').list(query);
    ctx.body = { data: results, meta: { pagination } };
  },

  async replayOutbox(ctx: RequestContext) {
    const id = idParam(ctx);
    if (!(await getService(strapi, 'outbox').replay(id)))
      throw new errors.NotFoundError('No dead outbox message with this id');
    await getService(strapi, 'audit').record(actorOf(ctx), 'outbox.replay', { type: 'outbox', id });
    ctx.body = { data: { id, status: 'pending' } };
  },

  async discardOutbox(ctx: RequestContext) {
    const id = idParam(ctx);
    const actor = actorOf(ctx);
    if (!(await getService(strapi, 'outbox').discard(id, actor.email ?? String(actor.id)))) {
      throw new errors.NotFoundError('No dead outbox message with this id');
    }
    await getService(strapi, 'audit').record(actor, 'outbox.discard', { type: 'outbox', id });
    ctx.body = { data: { id, status: 'done' } };
  },

  async listEmails(ctx: RequestContext) {
    const page = Math.max(1, Number(ctx.query.page) || 1);
    const { results, pagination } = await strapi.db.query('plugin::leads.email').findPage({
      orderBy: { sentAt: 'desc' },
      page,
      pageSize: 25,
      select: ['id', 'to', 'subject', 'template', 'transport', 'providerMessageId', 'sentAt', 'text'],
    });
    ctx.body = { data: results, meta: { pagination } };
  },
});
