import type { Core } from '@strapi/strapi';
import { UID } from '../utils';

export interface Actor {
  id?: number;
  email?: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Who did what to which subject, for GDPR accountability. Never stores the contact's email. */
  async record(actor: Actor | null, action: string, subject: { type: string; id: string | number }, details: Record<string, unknown> = {}) {
    await strapi.db.query(UID.auditLog).create({
      data: {
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? (actor ? null : 'system'),
        action,
        subjectType: subject.type,
        subjectId: String(subject.id),
        details,
        occurredAt: new Date(),
      },
    });
  },

  async list({ subjectId, page = 1, pageSize = 50 }: { subjectId?: string; page?: number; pageSize?: number }) {
    return strapi.db.query(UID.auditLog).findPage({
      where: subjectId ? { subjectId } : {},
      orderBy: { occurredAt: 'desc' },
      page,
      pageSize,
    });
  },
});
