import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { parseAttendanceCsv, registrationsCsv } from '../domain/csv';
import { afterCancellation, isOpen, SEAT_HOLDING, type RegistrationStatus } from '../domain/seats';
import { verifyRegistrationToken } from '../domain/tokens';
import type { RegistrationInput } from '../validation/registration';
import { ACTIVITY_TYPE, asLocale, getConfig, getService, leads, newDocumentId, TABLE } from '../utils';
import type { RegistrationRow, SessionRow } from './notifications';

/** Thrown inside the transaction to undo a repeated registration (contact, consent, activity, Odoo event). */
class AlreadyRegistered extends Error {}

const closed = () =>
  new errors.ValidationError('Registration for this session is closed', {
    errors: [
      { path: ['session'], message: 'Registration for this session is closed', name: 'ValidationError', value: null },
    ],
  });

const REGISTRATION_COLUMNS = [
  'id',
  'document_id',
  'session_id',
  'contact',
  'contact_id',
  'email',
  'first_name',
  'status',
  'locale',
  'registered_at',
  'seat_at',
];

export type CancelOutcome =
  | { outcome: 'cancelled'; locale: string; webinarTitle: string; when: Date }
  | { outcome: 'closed' | 'invalid'; locale: string; webinarTitle?: string };

/** A registration row with the columns the admin list and the CSV export read. */
type AdminRegistrationRow = {
  document_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  status: string;
  locale: string | null;
  /** jsonb: an object, or its text from drivers that do not parse json */
  answers: Record<string, unknown> | string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  registered_at: Date;
  seat_at: Date | null;
  cancelled_at: Date | null;
  attendance_at: Date | null;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const notifications = () => getService(strapi, 'notifications');

  /** The session row, locked until the transaction ends: every seat change of a session queues here. */
  const lockSession = async (trx: Knex.Transaction, id: number): Promise<SessionRow | null> =>
    (await knex()(TABLE.session).transacting(trx).forUpdate().where({ id }).first()) ?? null;

  /**
   * Gives the seats `change` names to waitlisted people and queues their emails. Called with the
   * session row locked, so the waitlist read here is the one the counter belongs to.
   */
  const promote = async (trx: Knex.Transaction, session: SessionRow, promoteIds: number[], now: Date) => {
    if (promoteIds.length === 0) return [];
    const promoted: RegistrationRow[] = await knex()(TABLE.registration)
      .transacting(trx)
      .whereIn('id', promoteIds)
      .andWhere({ status: 'waitlisted' })
      .update({ status: 'registered', seat_at: now, updated_at: now })
      .returning(REGISTRATION_COLUMNS);
    const messages = [];
    for (const registration of promoted) {
      const webinar = await notifications().webinarFor(session, asLocale(registration.locale));
      messages.push(notifications().message('promoted', session, webinar, registration, { round: now.getTime() }));
    }
    await leads(strapi).outbox.enqueue(messages);
    return promoted;
  };

  const waitlist = (
    trx: Knex.Transaction,
    sessionId: number,
    limit: number,
  ): Promise<Array<{ id: number; registered_at: Date | string }>> =>
    knex()(TABLE.registration)
      .transacting(trx)
      .forUpdate()
      .where({ session_id: sessionId, status: 'waitlisted' })
      .orderBy([{ column: 'registered_at' }, { column: 'id' }])
      .limit(Math.max(0, limit))
      .select('id', 'registered_at');

  const service = {
    lockSession,
    promote,
    waitlist,

    /**
     * One registration. In ONE transaction: the lead through the leads core (contact, consent,
     * activity, Odoo event), the registration row (unique per session and contact), the seat
     * (a conditional UPDATE of the session's counter: it locks the row, so concurrent requests
     * for the last seat queue and exactly `capacity` win), and the email. A repeated
     * registration rolls all of it back and answers the same: no second row, no second email.
     */
    async register(
      input: RegistrationInput,
      meta: { ip?: string; userAgent?: string },
      now = new Date(),
    ): Promise<{ status: 'registered' | 'waitlisted' | 'unchanged' }> {
      const session: SessionRow | undefined = await knex()(TABLE.session).where({ document_id: input.session }).first();
      if (!session) throw new errors.NotFoundError('Session not found');
      const locale = asLocale(input.locale);
      const webinar = await getService(strapi, 'webinars').published(session.webinar, locale);
      if (!webinar) throw new errors.NotFoundError('Session not found');
      // a webinar called off or ended as a whole closes its sessions too
      const webinarClosed = webinar.eventStatus === 'cancelled' || webinar.eventStatus === 'ended';
      if (webinarClosed || !isOpen({ status: session.status, startsAt: new Date(session.starts_at) }, now))
        throw closed();
      const email = input.email.trim().toLowerCase();

      try {
        return await strapi.db.transaction(async ({ trx }) => {
          // the lead fields of the form go to the leads core as they are; the rest is ours
          const { session: _session, locale: _locale, answers: _answers, website: _website, ...formFields } = input;
          const lead = await leads(strapi).capture.captureLead(
            {
              ...formFields,
              email,
              language: locale,
              utm: input.utm ?? null,
              source: 'webinar',
              activity: {
                type: ACTIVITY_TYPE,
                reference: webinar.documentId,
                title: webinar.title,
                details: { session: session.document_id, startsAt: new Date(session.starts_at).toISOString(), locale },
              },
            },
            { ip: meta.ip, userAgent: meta.userAgent },
          );

          const values = {
            session_id: session.id,
            webinar: session.webinar,
            contact: lead.contactDocumentId,
            contact_id: lead.contactId,
            email,
            first_name: input.firstName?.trim() || null,
            last_name: input.lastName?.trim() || null,
            company: input.company?.trim() || null,
            status: 'waitlisted',
            locale,
            answers: JSON.stringify(input.answers ?? {}),
            utm_source: input.utm?.source || null,
            utm_medium: input.utm?.medium || null,
            utm_campaign: input.utm?.campaign || null,
            utm_term: input.utm?.term || null,
            utm_content: input.utm?.content || null,
            registered_at: now,
            seat_at: null,
            cancelled_at: null,
            cancel_reason: null,
            updated_at: now,
          };
          let [registration]: RegistrationRow[] = await knex()(TABLE.registration)
            .transacting(trx)
            .insert({ ...values, document_id: newDocumentId(), created_at: now, published_at: now })
            .onConflict(['session_id', 'contact'])
            .ignore()
            .returning(REGISTRATION_COLUMNS);
          if (!registration) {
            // Known: the same registration, unless it was cancelled, which a new sign-up revives.
            [registration] = await knex()(TABLE.registration)
              .transacting(trx)
              .where({ session_id: session.id, contact: lead.contactDocumentId, status: 'cancelled' })
              .update(values)
              .returning(REGISTRATION_COLUMNS);
            if (!registration) throw new AlreadyRegistered();
          }

          const seat = await knex()
            .raw(
              `update ?? set seats_taken = seats_taken + 1, updated_at = ? where id = ? and status = 'scheduled' and seats_taken < capacity returning id`,
              [TABLE.session, now, session.id],
            )
            .transacting(trx);
          if (seat.rows.length === 0) {
            // No seat: full, or called off while this request ran (the UPDATE waited for that
            // transaction's lock, so its commit is visible now): never waitlist on a cancelled session.
            const current = await knex()(TABLE.session).transacting(trx).where({ id: session.id }).first('status');
            if (current?.status !== 'scheduled') throw closed();
          }
          const status: 'registered' | 'waitlisted' = seat.rows.length > 0 ? 'registered' : 'waitlisted';
          if (status === 'registered') {
            [registration] = await knex()(TABLE.registration)
              .transacting(trx)
              .where({ id: registration.id })
              .update({ status, seat_at: now })
              .returning(REGISTRATION_COLUMNS);
          }
          await leads(strapi).outbox.enqueue([
            notifications().message(
              status === 'registered' ? 'confirmation' : 'waitlisted',
              session,
              webinar,
              registration,
              { round: now.getTime() },
            ),
          ]);
          return { status };
        });
      } catch (error) {
        if (error instanceof AlreadyRegistered) return { status: 'unchanged' };
        // Two requests of the same person at once: the unique index let one in, this one waited and lost.
        if ((error as { code?: string })?.code === '23505') return { status: 'unchanged' };
        throw error;
      }
    },

    /** The registration a self-service token names, with its session (no lock). */
    async byToken(token: unknown): Promise<{ registration: RegistrationRow; session: SessionRow } | null> {
      const documentId = verifyRegistrationToken(token, getConfig(strapi).tokenSecret);
      if (!documentId) return null;
      const registration = await knex()(TABLE.registration)
        .where({ document_id: documentId })
        .first(REGISTRATION_COLUMNS);
      if (!registration) return null;
      const session = await knex()(TABLE.session).where({ id: registration.session_id }).first();
      return session ? { registration, session } : null;
    },

    /**
     * Self-service cancellation. The session row is locked first (the same order as every seat
     * change), then the registration; a freed seat goes to the first waitlisted person, who is emailed.
     */
    async cancel(token: unknown, now = new Date()): Promise<CancelOutcome> {
      const found = await service.byToken(token);
      if (!found) return { outcome: 'invalid', locale: await leads(strapi).locales.defaultLocale() };
      const locale = asLocale(found.registration.locale);
      const webinar = await notifications().webinarFor(found.session, locale);
      return strapi.db.transaction(async ({ trx }) => {
        const session = (await lockSession(trx, found.session.id))!;
        const registration: RegistrationRow | undefined = await knex()(TABLE.registration)
          .transacting(trx)
          .forUpdate()
          .where({ id: found.registration.id })
          .first(REGISTRATION_COLUMNS);
        const status = registration?.status as RegistrationStatus | undefined;
        if (
          !registration ||
          (status !== 'registered' && status !== 'waitlisted') ||
          !isOpen({ status: session.status, startsAt: new Date(session.starts_at) }, now)
        ) {
          return { outcome: 'closed' as const, locale, webinarTitle: webinar.title };
        }
        await knex()(TABLE.registration)
          .transacting(trx)
          .where({ id: registration.id })
          .update({ status: 'cancelled', cancelled_at: now, cancel_reason: 'self-service', updated_at: now });
        const queue = SEAT_HOLDING.includes(status) ? await waitlist(trx, session.id, session.capacity) : [];
        const change = afterCancellation(
          status,
          { capacity: session.capacity, seatsTaken: session.seats_taken },
          queue.map((row) => ({ id: row.id, createdAt: new Date(row.registered_at) })),
        );
        await knex()(TABLE.session)
          .transacting(trx)
          .where({ id: session.id })
          .update({ seats_taken: change.seatsTaken, updated_at: now });
        await promote(
          trx,
          session,
          change.promote.map((entry) => entry.id),
          now,
        );
        return {
          outcome: 'cancelled' as const,
          locale,
          webinarTitle: webinar.title,
          when: new Date(session.starts_at),
        };
      });
    },

    /** The personal calendar file of a registration (with the join link while it holds a seat). */
    async icsByToken(token: unknown): Promise<string | null> {
      const found = await service.byToken(token);
      if (!found) return null;
      const webinar = await notifications().webinarFor(found.session, asLocale(found.registration.locale));
      const seated =
        SEAT_HOLDING.includes(found.registration.status as RegistrationStatus) && found.session.status === 'scheduled';
      return notifications().icsFor(
        found.session,
        webinar,
        found.registration,
        seated
          ? 'REQUEST'
          : found.session.status === 'cancelled' || found.registration.status === 'cancelled'
            ? 'CANCEL'
            : 'PUBLISH',
      );
    },

    /** Admin: the registrations of a session, filtered by status and a search over name, email, company. */
    async list(
      sessionId: number,
      { status, q, page = 1, pageSize = 50 }: { status?: string; q?: string; page?: number; pageSize?: number },
    ) {
      const base = knex()(TABLE.registration)
        .where({ session_id: sessionId })
        .modify((query) => {
          if (status) query.andWhere({ status });
          if (q) {
            const like = `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
            query.andWhere((inner) =>
              inner
                .whereILike('email', like)
                .orWhereILike('first_name', like)
                .orWhereILike('last_name', like)
                .orWhereILike('company', like),
            );
          }
        });
      const [{ count }] = await base.clone().count('* as count');
      const rows = await base
        .clone()
        .select(
          'document_id',
          'email',
          'first_name',
          'last_name',
          'company',
          'status',
          'locale',
          'answers',
          'utm_source',
          'utm_medium',
          'utm_campaign',
          'registered_at',
          'seat_at',
          'cancelled_at',
          'attendance_at',
        )
        .orderBy([{ column: 'registered_at' }, { column: 'id' }])
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const total = Number(count);
      return {
        results: rows.map((row: AdminRegistrationRow) => ({
          documentId: row.document_id,
          email: row.email,
          firstName: row.first_name,
          lastName: row.last_name,
          company: row.company,
          status: row.status,
          locale: row.locale,
          answers: typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers,
          utm: { source: row.utm_source, medium: row.utm_medium, campaign: row.utm_campaign },
          registeredAt: row.registered_at,
          seatAt: row.seat_at,
          cancelledAt: row.cancelled_at,
          attendanceAt: row.attendance_at,
        })),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
      };
    },

    async counts(sessionId: number): Promise<Record<RegistrationStatus, number>> {
      const rows = await knex()(TABLE.registration)
        .where({ session_id: sessionId })
        .select('status')
        .count('* as count')
        .groupBy('status');
      const counts: Record<string, number> = { registered: 0, waitlisted: 0, cancelled: 0, attended: 0, 'no-show': 0 };
      for (const row of rows as Array<{ status: string; count: string }>) counts[row.status] = Number(row.count);
      return counts as Record<RegistrationStatus, number>;
    },

    async csv(sessionId: number): Promise<string> {
      const rows = await knex()(TABLE.registration)
        .where({ session_id: sessionId })
        .orderBy([{ column: 'registered_at' }, { column: 'id' }])
        .select('*');
      return registrationsCsv(
        rows.map((row: AdminRegistrationRow) => ({
          email: row.email,
          firstName: row.first_name,
          lastName: row.last_name,
          company: row.company,
          status: row.status,
          registeredAt: row.registered_at,
          cancelledAt: row.cancelled_at,
          utmSource: row.utm_source,
          utmMedium: row.utm_medium,
          utmCampaign: row.utm_campaign,
          answers: typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers,
        })),
      );
    },

    /**
     * Marks attended / no-show. Only people who held a seat can be marked; a changed mark adds an
     * activity to the contact, which odoo-sync writes onto the webinar's lead (same contact,
     * type and reference: the same crm.lead). Marking the same way again changes nothing.
     */
    async markAttendance(
      session: SessionRow,
      marks: Array<{ registration?: string; email?: string; status: 'attended' | 'no-show' }>,
      now = new Date(),
    ) {
      const webinar = await notifications().webinarFor(session, 'en');
      let changed = 0;
      const unmatched: string[] = [];
      await strapi.db.transaction(async ({ trx }) => {
        for (const mark of marks) {
          const where = mark.registration ? { document_id: mark.registration } : { email: mark.email!.toLowerCase() };
          const [updated] = await knex()(TABLE.registration)
            .transacting(trx)
            .where({ session_id: session.id, ...where })
            .whereIn('status', ['registered', 'attended', 'no-show'])
            .whereNot({ status: mark.status })
            .update({ status: mark.status, attendance_at: now, updated_at: now })
            .returning(['contact']);
          if (!updated) {
            const exists = await knex()(TABLE.registration)
              .transacting(trx)
              .where({ session_id: session.id, ...where })
              .first('id');
            if (!exists) unmatched.push(mark.registration ?? mark.email!);
            continue;
          }
          changed += 1;
          await leads(strapi).capture.recordActivity(updated.contact, {
            type: ACTIVITY_TYPE,
            reference: webinar.documentId,
            title: webinar.title,
            source: 'webinar',
            details: {
              session: session.document_id,
              attendance: mark.status,
              message: `${mark.status === 'attended' ? 'Attended' : 'Did not attend'} the session of ${new Date(session.starts_at).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
            },
          });
        }
      });
      return { changed, unmatched };
    },

    /**
     * An attendance report (CSV from the webinar tool): listed people as the report says, and,
     * with `absentAreNoShow`, everyone else who held a seat as no-show.
     */
    async importAttendance(session: SessionRow, csvText: string, { absentAreNoShow = true } = {}) {
      let report;
      try {
        report = parseAttendanceCsv(csvText);
      } catch (error) {
        throw new errors.ValidationError((error as Error).message);
      }
      const marks = report.marks.map((mark) => ({
        email: mark.email,
        status: mark.attended ? ('attended' as const) : ('no-show' as const),
      }));
      if (absentAreNoShow) {
        const listed = new Set(report.marks.map((mark) => mark.email));
        const seated = await knex()(TABLE.registration)
          .where({ session_id: session.id, status: 'registered' })
          .select('email');
        for (const row of seated) if (!listed.has(row.email)) marks.push({ email: row.email, status: 'no-show' });
      }
      const result = await service.markAttendance(session, marks);
      return { ...result, skipped: report.skipped, rows: report.marks.length };
    },
  };
  return service;
};
