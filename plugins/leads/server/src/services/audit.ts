import type { Core } from '@strapi/strapi';
import type { AuditEntry, AuditSearch } from '../contract';
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

    /** Filtered, newest first (contract `AuditApi.search`); `action: 'content.*'` matches a prefix. */
    async search({ actorId, action, subjectType, from, to, page = 1, pageSize = 50 }: AuditSearch) {
      const where: Record<string, unknown>[] = [];
      if (actorId !== undefined) where.push({ actorId });
      if (action !== undefined)
        where.push({ action: action.endsWith('.*') ? { $startsWith: action.slice(0, -1) } : action });
      if (subjectType !== undefined) where.push({ subjectType });
      if (from !== undefined) where.push({ occurredAt: { $gte: from } });
      if (to !== undefined) where.push({ occurredAt: { $lt: to } });
      const found = await strapi.db.query(UID.auditLog).findPage({
        where: where.length > 0 ? { $and: where } : {},
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
        page,
        pageSize,
      });
      return {
        results: (found.results as AuditEntry[]).map((row) => ({
          id: row.id,
          actorId: row.actorId ?? null,
          actorEmail: row.actorEmail ?? null,
          action: row.action,
          subjectType: row.subjectType,
          subjectId: row.subjectId,
          details: row.details ?? null,
          occurredAt: row.occurredAt,
        })),
        pagination: found.pagination as { page: number; pageSize: number; total: number; pageCount: number },
      };
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
