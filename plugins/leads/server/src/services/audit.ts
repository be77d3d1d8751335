import type { Core } from '@strapi/strapi';
import { UID } from '../utils';

export interface Actor {
  id?: number;
  email?: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Who did what to which subject, for GDPR accountability. Never stores the contact's email. */
  const record = async (
    actor: Actor | null,
    action: string,
    subject: { type: string; id: string | number },
    details: Record<string, unknown> = {},
  ) => {
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
  };

  return {
    record,

    /**
     * A read of personal data by an admin user (lists and exports of other plugins: registrations,
     * whitepaper leads, bookings), so every such read is accountable like a contact's detail.
     */
    async adminRead(
      user: { id?: number; email?: string } | undefined,
      action: string,
      subject: { type: string; id: string | number },
      details: Record<string, unknown> = {},
    ) {
      await record({ id: user?.id, email: user?.email }, action, subject, details);
    },

    async list({ subjectId, page = 1, pageSize = 50 }: { subjectId?: string; page?: number; pageSize?: number }) {
      return strapi.db.query(UID.auditLog).findPage({
        where: subjectId ? { subjectId } : {},
        orderBy: { occurredAt: 'desc' },
        page,
        pageSize,
      });
    },
  };
};
