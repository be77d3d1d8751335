import type { Core } from '@strapi/strapi';
import { keyedHash, verifyToken, type PageQuery, type TokenVerdict as VerifyResult } from '@magnetiq/plugin-kit/server';
import { getConfig, getService, TABLE, UID } from '../utils';
import type { Actor } from './audit';
import { allowEvidenceErase } from '../evidence';
import type { ContactEraser, ErasedContact } from './erasure';
import type { TimelineEntry, TimelineProvider } from '../contract';

type Outcome =
  { ok: true; language: string } | { ok: false; reason: Exclude<VerifyResult, { ok: true }>['reason'] | 'unknown' };

const CONTACT_FIELDS = [
  'id',
  'documentId',
  'email',
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'phone',
  'country',
  'language',
  'status',
  'confirmedAt',
  'unsubscribedAt',
  'erasedAt',
  'lastActivityAt',
  'createdAt',
  'updatedAt',
];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** What other plugins keep about a contact (registrations, bookings, CRM links) is erased with it, in the same transaction. */
  const erasers: ContactEraser[] = [];
  /** Other plugins' lines of the contact timeline (the newsletter's campaigns), each behind its own permission. */
  const timelineProviders: TimelineProvider[] = [];

  const service = {
    /** Plugins register, in bootstrap, how to erase their rows of a contact (GDPR Art. 17). */
    onErase(eraser: ContactEraser) {
      erasers.push(eraser);
    },

    /** Plugins register, in bootstrap, the lines they add to a contact's timeline. */
    registerTimeline(provider: TimelineProvider) {
      timelineProviders.push(provider);
    },

    /**
     * The entries of the providers whose permission `may` grants, newest first. A provider that
     * fails leaves its lines out (logged): the contact page still opens.
     */
    async timelineEntries(
      contact: { id: number; documentId: string },
      may: (permission: string) => boolean,
    ): Promise<TimelineEntry[]> {
      const lists = await Promise.all(
        timelineProviders
          .filter((provider) => may(provider.permission))
          .map((provider) =>
            provider.entries(contact).catch((error: Error) => {
              strapi.log.warn(`leads: the timeline of ${provider.source} failed: ${error.message}`);
              return [] as TimelineEntry[];
            }),
          ),
      );
      return lists.flat().sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
    },

    /**
     * Whether an emailed link is good, and the contact's language for the page that asks the
     * visitor to press the button. Reads only: a GET on the link (a mail scanner) changes nothing.
     */
    async checkLink(token: string, purpose: 'confirm' | 'unsubscribe'): Promise<Outcome> {
      const verified = verifyToken(token, purpose, getConfig(strapi).tokenSecret);
      if (!verified.ok) return { ok: false, reason: verified.reason };
      const contact = await strapi.db
        .query(UID.contact)
        .findOne({ where: { documentId: verified.payload.s }, select: ['status', 'language'] });
      if (!contact || contact.status === 'erased') return { ok: false, reason: 'unknown' };
      return { ok: true, language: contact.language ?? 'en' };
    },

    /** Double opt-in: a valid confirmation token activates marketing consent. Idempotent. */
    async confirm(token: string, context: { ip?: string; userAgent?: string } = {}): Promise<Outcome> {
      const config = getConfig(strapi);
      const verified = verifyToken(token, 'confirm', config.tokenSecret);
      if (!verified.ok) return { ok: false, reason: verified.reason };
      return strapi.db.transaction(async () => {
        const contact = await strapi.db
          .query(UID.contact)
          .findOne({ where: { documentId: verified.payload.s }, select: ['id', 'status', 'language'] });
        if (!contact || contact.status === 'erased') return { ok: false as const, reason: 'unknown' as const };
        if (contact.status === 'confirmed') return { ok: true as const, language: contact.language ?? 'en' };
        const now = new Date();
        await strapi.db
          .query(UID.contact)
          .update({ where: { id: contact.id }, data: { status: 'confirmed', confirmedAt: now, unsubscribedAt: null } });
        const requested = await strapi.db.query(UID.consent).findOne({
          where: { contact: contact.id, purpose: 'marketing-email', action: 'requested' },
          orderBy: { recordedAt: 'desc' },
          select: ['textVersion', 'source'],
        });
        await strapi.db.query(UID.consent).create({
          data: {
            contact: contact.id,
            purpose: 'marketing-email',
            action: 'granted',
            textVersion: requested?.textVersion ?? 'unknown',
            source: 'double-opt-in',
            recordedAt: now,
            ipHash: context.ip ? keyedHash(context.ip, config.tokenSecret) : null,
            userAgent: context.userAgent?.slice(0, 500) ?? null,
          },
        });
        await strapi.db.query(UID.activity).create({
          data: { contact: contact.id, type: 'email-confirmed', occurredAt: now, language: contact.language },
        });
        return { ok: true as const, language: contact.language ?? 'en' };
      });
    },

    /** One-click unsubscribe: withdraws marketing consent. Idempotent, no login. */
    async unsubscribe(token: string): Promise<Outcome> {
      const config = getConfig(strapi);
      const verified = verifyToken(token, 'unsubscribe', config.tokenSecret);
      if (!verified.ok) return { ok: false, reason: verified.reason };
      return strapi.db.transaction(async () => {
        const contact = await strapi.db
          .query(UID.contact)
          .findOne({ where: { documentId: verified.payload.s }, select: ['id', 'status', 'language'] });
        if (!contact || contact.status === 'erased') return { ok: false as const, reason: 'unknown' as const };
        if (contact.status === 'unsubscribed') return { ok: true as const, language: contact.language ?? 'en' };
        const now = new Date();
        await strapi.db
          .query(UID.contact)
          .update({ where: { id: contact.id }, data: { status: 'unsubscribed', unsubscribedAt: now } });
        await strapi.db.query(UID.consent).create({
          data: {
            contact: contact.id,
            purpose: 'marketing-email',
            action: 'withdrawn',
            textVersion: 'unsubscribe-link',
            source: 'unsubscribe-link',
            recordedAt: now,
          },
        });
        await strapi.db.query(UID.activity).create({
          data: { contact: contact.id, type: 'email-unsubscribed', occurredAt: now, language: contact.language },
        });
        return { ok: true as const, language: contact.language ?? 'en' };
      });
    },

    /** The public face of a contact for other plugins (no internal ids beyond the document id). */
    async get(documentId: string) {
      return strapi.db.query(UID.contact).findOne({ where: { documentId }, select: CONTACT_FIELDS });
    },

    async list({
      q,
      status,
      source,
      page = 1,
      pageSize = 25,
    }: PageQuery & { q?: string; status?: string; source?: string }) {
      const where: Record<string, unknown> = {};
      if (status) where.status = status;
      if (q) {
        where.$or = ['email', 'firstName', 'lastName', 'company'].map((field) => ({ [field]: { $containsi: q } }));
      }
      if (source) where.activities = { type: source };
      return strapi.db
        .query(UID.contact)
        .findPage({ where, select: CONTACT_FIELDS, orderBy: { lastActivityAt: 'desc' }, page, pageSize });
    },

    /** The contact with every consent and activity, newest first: the timeline across plugins. */
    async timeline(documentId: string) {
      const contact = await service.get(documentId);
      if (!contact) return null;
      const [consents, activities] = await Promise.all([
        strapi.db.query(UID.consent).findMany({ where: { contact: contact.id }, orderBy: { recordedAt: 'desc' } }),
        strapi.db.query(UID.activity).findMany({ where: { contact: contact.id }, orderBy: { occurredAt: 'desc' } }),
      ]);
      return { contact, consents, activities };
    },

    /** GDPR Art. 15/20: everything we hold about the contact, as JSON. */
    async export(documentId: string, actor: Actor) {
      const timeline = await service.timeline(documentId);
      if (!timeline) return null;
      const knex = strapi.db.connection;
      const outbox = await knex(TABLE.outbox)
        .where({ contact_id: timeline.contact.id })
        .select('topic', 'status', 'payload', 'created_at', 'done_at');
      const emails = await strapi.db
        .query(UID.email)
        .findMany({ where: { to: timeline.contact.email }, select: ['subject', 'template', 'sentAt'] });
      await getService(strapi, 'audit').record(actor, 'contact.export', { type: 'contact', id: documentId });
      return {
        exportedAt: new Date().toISOString(),
        contact: timeline.contact,
        consents: timeline.consents,
        activities: timeline.activities,
        // what other plugins hold about the person (the newsletter's campaigns): all of it, Art. 15
        timelineEntries: await service.timelineEntries(timeline.contact, () => true),
        emails,
        deliveries: outbox.map(
          (row: { topic: string; status: string; payload: unknown; created_at: Date; done_at: Date | null }) => ({
            topic: row.topic,
            status: row.status,
            payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
            createdAt: row.created_at,
            doneAt: row.done_at,
          }),
        ),
      };
    },

    /**
     * GDPR Art. 17, in one transaction: the contact, its activities and consents (kept as proof,
     * identified by a keyed hash of the email only), every delivery about the person (outbox rows
     * by contact id, by the address in their payload, and by the references plugins name) with
     * their email-log rows, then each plugin's own rows through its eraser (bookings cancelled,
     * calendar events and CRM records erased through the outbox).
     */
    async erase(documentId: string, actor: Actor | null, reason = 'request') {
      const config = getConfig(strapi);
      return strapi.db.transaction(async ({ trx }) => {
        // first statement of the transaction: consents and audit log accept this erase's writes
        await allowEvidenceErase(trx);
        // locked until commit: a second erase (or a capture of the same address) waits for this one
        const contact = await trx(TABLE.contact)
          .where({ document_id: documentId })
          .forUpdate()
          .first('id', 'email', 'status');
        if (!contact) return false;
        if (contact.status === 'erased') return true;
        const email = String(contact.email).toLowerCase();
        const proofHash = keyedHash(contact.email, config.tokenSecret);
        const placeholderEmail = `erased-${proofHash.slice(0, 24)}@erased.invalid`;
        const now = new Date();
        await strapi.db.query(UID.contact).update({
          where: { id: contact.id },
          data: {
            email: placeholderEmail,
            firstName: null,
            lastName: null,
            company: null,
            jobTitle: null,
            phone: null,
            country: null,
            status: 'erased',
            erasedAt: now,
          },
        });
        const knex = strapi.db.connection;
        const consentIds = (
          await strapi.db.query(UID.consent).findMany({ where: { contact: contact.id }, select: ['id'] })
        ).map((c: { id: number }) => c.id);
        if (consentIds.length) {
          await knex('leads_consents')
            .transacting(trx)
            .whereIn('id', consentIds)
            .update({ ip_hash: null, user_agent: null, proof_hash: proofHash });
        }
        const activityIds = (
          await strapi.db.query(UID.activity).findMany({ where: { contact: contact.id }, select: ['id'] })
        ).map((a: { id: number }) => a.id);
        if (activityIds.length) {
          await knex('leads_activities')
            .transacting(trx)
            .whereIn('id', activityIds)
            .update({
              details: JSON.stringify({ erased: true }),
              referrer: null,
              landing_page: null,
              utm_term: null,
              utm_content: null,
            });
        }
        const deliveries = getService(strapi, 'outbox');
        await deliveries.scrub(trx, { contactId: contact.id, email, placeholderEmail });
        const erased: ErasedContact = {
          contactId: contact.id,
          contactDocumentId: documentId,
          email,
          placeholderEmail,
          trx,
          now,
          scrubDeliveries: (references: string[]) => deliveries.scrub(trx, { references, email, placeholderEmail }),
        };
        for (const eraser of erasers) await eraser(erased);
        await getService(strapi, 'audit').record(
          actor,
          'contact.erase',
          { type: 'contact', id: documentId },
          { reason },
        );
        return true;
      });
    },

    /** Retention: contacts that never confirmed and did nothing for N days are erased. */
    async eraseStale(days = getConfig(strapi).retentionDays) {
      const cutoff = new Date(Date.now() - days * 24 * 3600 * 1000);
      const stale = await strapi.db.query(UID.contact).findMany({
        where: { status: 'new', lastActivityAt: { $lt: cutoff } },
        select: ['documentId'],
        limit: 500,
      });
      for (const contact of stale)
        await service.erase(contact.documentId, null, `retention: no confirmation within ${days} days`);
      if (stale.length) strapi.log.info(`leads: retention erased ${stale.length} unconfirmed contact(s)`);
      return stale.length;
    },
  };
  return service;
};
