import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { fillSeats } from '../domain/seats';
import type { SessionInput } from '../validation/registration';
import { asLocale, getService, leads, newDocumentId, TABLE, UID } from '../utils';
import type { RegistrationRow, SessionRow } from './notifications';

const ADMIN_COLUMNS = [
  'id',
  'document_id',
  'webinar',
  'starts_at',
  'ends_at',
  'time_zone',
  'capacity',
  'seats_taken',
  'status',
  'join_url',
  'join_instructions',
  'recording_url',
  'sequence',
  'reminder_day_at',
  'reminder_hour_at',
  'recording_notified_at',
  'cancelled_at',
];

/** A session row with the admin columns beyond SessionRow (byDocumentId selects them all). */
export type AdminSessionRow = SessionRow & {
  reminder_day_at?: Date | null;
  reminder_hour_at?: Date | null;
  recording_notified_at?: Date | null;
  cancelled_at?: Date | null;
};

export const adminSession = (row: AdminSessionRow) => ({
  documentId: row.document_id,
  webinar: row.webinar,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  timeZone: row.time_zone,
  capacity: row.capacity,
  seatsTaken: row.seats_taken,
  status: row.status,
  joinUrl: row.join_url,
  joinInstructions: row.join_instructions,
  recordingUrl: row.recording_url,
  remindersSent: { '24h': row.reminder_day_at, '1h': row.reminder_hour_at },
  recordingNotifiedAt: row.recording_notified_at,
  cancelledAt: row.cancelled_at,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const registrations = () => getService(strapi, 'registrations');
  const notifications = () => getService(strapi, 'notifications');
  const teamCalendar = () => getService(strapi, 'team-calendar');

  /** Emails one kind to the registrations of a session in the given statuses (in the caller's transaction). */
  const notifyAll = async (
    trx: Knex.Transaction,
    session: SessionRow,
    statuses: string[],
    kind: 'sessionCancelled' | 'recording',
    rows?: RegistrationRow[],
  ) => {
    const targets: RegistrationRow[] =
      rows ??
      (await knex()(TABLE.registration)
        .transacting(trx)
        .where({ session_id: session.id })
        .whereIn('status', statuses)
        .select('*'));
    const byLocale = new Map<string, Awaited<ReturnType<ReturnType<typeof notifications>['webinarFor']>>>();
    const messages = [];
    for (const registration of targets) {
      const locale = asLocale(registration.locale);
      if (!byLocale.has(locale)) byLocale.set(locale, await notifications().webinarFor(session, locale));
      messages.push(notifications().message(kind, session, byLocale.get(locale)!, registration));
    }
    await leads(strapi).outbox.enqueue(messages);
    return targets.length;
  };

  const service = {
    async byDocumentId(documentId: string): Promise<SessionRow> {
      const row = await knex()(TABLE.session).where({ document_id: documentId }).first(ADMIN_COLUMNS);
      if (!row) throw new errors.NotFoundError('Session not found');
      return row;
    },

    async forWebinar(webinarDocumentId: string) {
      const rows = await knex()(TABLE.session)
        .where({ webinar: webinarDocumentId })
        .orderBy('starts_at', 'asc')
        .select(ADMIN_COLUMNS);
      return rows.map(adminSession);
    },

    async create(webinarDocumentId: string, input: SessionInput) {
      const webinar = await strapi.db
        .query(UID.webinar)
        .findOne({ where: { documentId: webinarDocumentId }, select: ['id'] });
      if (!webinar) throw new errors.NotFoundError('Webinar not found');
      const now = new Date();
      return strapi.db.transaction(async ({ trx }) => {
        const [row] = await knex()(TABLE.session)
          .transacting(trx)
          .insert({
            document_id: newDocumentId(),
            webinar: webinarDocumentId,
            starts_at: input.startsAt,
            ends_at: input.endsAt,
            time_zone: input.timeZone,
            capacity: input.capacity,
            seats_taken: 0,
            status: 'scheduled',
            join_url: input.joinUrl || null,
            join_instructions: input.joinInstructions || null,
            sequence: 0,
            created_at: now,
            updated_at: now,
            published_at: now,
          })
          .returning(ADMIN_COLUMNS);
        // the webinar's team calendar, if it has one (in this transaction: no event without a session)
        await leads(strapi).outbox.enqueue(await teamCalendar().created(row));
        return adminSession(row);
      });
    },

    /**
     * Changes a session. A larger capacity goes to the waitlist at once (promoted people are
     * emailed); new times bump the calendar SEQUENCE and let reminders run again.
     */
    async update(documentId: string, input: Partial<SessionInput>) {
      const existing = await service.byDocumentId(documentId);
      const now = new Date();
      return strapi.db.transaction(async ({ trx }) => {
        const session = (await registrations().lockSession(trx, existing.id))!;
        if (session.status === 'cancelled') throw new errors.ApplicationError('A cancelled session cannot be changed');
        const startsAt = input.startsAt ?? new Date(session.starts_at);
        const endsAt = input.endsAt ?? new Date(session.ends_at);
        if (endsAt.getTime() <= startsAt.getTime()) throw new errors.ValidationError('endsAt must be after startsAt');
        const moved =
          startsAt.getTime() !== new Date(session.starts_at).getTime() ||
          endsAt.getTime() !== new Date(session.ends_at).getTime() ||
          (input.timeZone !== undefined && input.timeZone !== session.time_zone);
        const patch: Record<string, unknown> = { updated_at: now };
        if (input.startsAt) patch.starts_at = input.startsAt;
        if (input.endsAt) patch.ends_at = input.endsAt;
        if (input.timeZone) patch.time_zone = input.timeZone;
        if (input.capacity !== undefined) patch.capacity = input.capacity;
        if (input.joinUrl !== undefined) patch.join_url = input.joinUrl || null;
        if (input.joinInstructions !== undefined) patch.join_instructions = input.joinInstructions || null;
        if (moved)
          Object.assign(patch, { sequence: session.sequence + 1, reminder_day_at: null, reminder_hour_at: null });
        const [updated] = await knex()(TABLE.session)
          .transacting(trx)
          .where({ id: session.id })
          .update(patch)
          .returning(ADMIN_COLUMNS);
        if (moved) await leads(strapi).outbox.enqueue(await teamCalendar().moved(updated));
        if (updated.capacity > session.seats_taken) {
          const queue = await registrations().waitlist(trx, session.id, updated.capacity - session.seats_taken);
          const change = fillSeats(
            { capacity: updated.capacity, seatsTaken: session.seats_taken },
            queue.map((row) => ({ id: row.id, createdAt: new Date(row.registered_at) })),
          );
          if (change.promote.length > 0) {
            await knex()(TABLE.session)
              .transacting(trx)
              .where({ id: session.id })
              .update({ seats_taken: change.seatsTaken });
            await registrations().promote(
              trx,
              updated,
              change.promote.map((entry) => entry.id),
              now,
            );
            updated.seats_taken = change.seatsTaken;
          }
        }
        return adminSession(updated);
      });
    },

    /** An editor calls the session off: every registration ends and everyone on it is emailed (with a calendar CANCEL). */
    async cancel(documentId: string) {
      const existing = await service.byDocumentId(documentId);
      const now = new Date();
      return strapi.db.transaction(async ({ trx }) => {
        const locked = (await registrations().lockSession(trx, existing.id))!;
        if (locked.status === 'cancelled') return { notified: 0, alreadyCancelled: true };
        const [session] = await knex()(TABLE.session)
          .transacting(trx)
          .where({ id: locked.id })
          .update({ status: 'cancelled', cancelled_at: now, sequence: locked.sequence + 1, updated_at: now })
          .returning('*');
        const affected: RegistrationRow[] = await knex()(TABLE.registration)
          .transacting(trx)
          .where({ session_id: session.id })
          .whereIn('status', ['registered', 'waitlisted'])
          .update({ status: 'cancelled', cancelled_at: now, cancel_reason: 'session-cancelled', updated_at: now })
          .returning('*');
        const notified = await notifyAll(trx, session, [], 'sessionCancelled', affected);
        await leads(strapi).outbox.enqueue(await teamCalendar().cancelled(session));
        return { notified, alreadyCancelled: false };
      });
    },

    /** The recording link; with `notify`, everyone who held a seat gets it by email once. */
    async setRecording(documentId: string, recordingUrl: string, notify: boolean) {
      const existing = await service.byDocumentId(documentId);
      const now = new Date();
      return strapi.db.transaction(async ({ trx }) => {
        const locked = (await registrations().lockSession(trx, existing.id))!;
        if (locked.status === 'cancelled') throw new errors.ApplicationError('A cancelled session has no recording');
        const [session] = await knex()(TABLE.session)
          .transacting(trx)
          .where({ id: locked.id })
          .update({ recording_url: recordingUrl, updated_at: now, ...(notify ? { recording_notified_at: now } : {}) })
          .returning('*');
        const notified = notify ? await notifyAll(trx, session, ['registered', 'attended', 'no-show'], 'recording') : 0;
        return { notified };
      });
    },
  };
  return service;
};
