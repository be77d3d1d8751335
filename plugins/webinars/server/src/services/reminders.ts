import { intervalJob, type IntervalJob } from '@magnetiq/plugin-kit/server';
import type { Core } from '@strapi/strapi';
import { dueReminders, REMINDER_HORIZON_MS, wantsReminder, type ReminderKind } from '../domain/reminders';
import { asLocale, getConfig, getService, leads, TABLE } from '../utils';
import type { RegistrationRow, SessionRow } from './notifications';

const COLUMN: Record<ReminderKind, 'reminder_day_at' | 'reminder_hour_at'> = {
  '24h': 'reminder_day_at',
  '1h': 'reminder_hour_at',
};

/**
 * The reminder job. Each run finds sessions whose reminder is due at `now`, and per session, in
 * one transaction with the row locked (SKIP LOCKED: another instance's run skips it), queues one
 * email per registered person with the key `email:webinar-reminder-<kind>:<registration>` and
 * marks the reminder done. The key makes a reminder go out once even if a run is repeated after
 * a crash or on another instance; the mark keeps later runs from looking again.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  let job: IntervalJob | null = null;

  const service = {
    async runReminders(now: Date = new Date()) {
      const candidates: SessionRow[] = await knex()(TABLE.session)
        .where({ status: 'scheduled' })
        .andWhere('starts_at', '>', now)
        .andWhere('starts_at', '<=', new Date(now.getTime() + REMINDER_HORIZON_MS))
        .andWhere((query) => query.whereNull('reminder_day_at').orWhereNull('reminder_hour_at'))
        .select('id');
      let sessions = 0;
      let enqueued = 0;
      for (const candidate of candidates) {
        await strapi.db.transaction(async ({ trx }) => {
          const session = await knex()(TABLE.session)
            .transacting(trx)
            .forUpdate()
            .skipLocked()
            .where({ id: candidate.id, status: 'scheduled' })
            .first();
          if (!session) return;
          const timing = { startsAt: new Date(session.starts_at), timeZone: session.time_zone };
          const done = (Object.keys(COLUMN) as ReminderKind[]).filter((kind) => session[COLUMN[kind]]);
          const plan = dueReminders(timing, now, done);
          if (plan.send.length === 0 && plan.skip.length === 0) return;
          const notifications = getService(strapi, 'notifications');
          const registered: RegistrationRow[] = await knex()(TABLE.registration)
            .transacting(trx)
            .where({ session_id: session.id, status: 'registered' })
            .select('*');
          const webinars = new Map<string, Awaited<ReturnType<typeof notifications.webinarFor>>>();
          const messages = [];
          for (const kind of plan.send) {
            for (const registration of registered) {
              if (!wantsReminder(kind, timing, new Date(registration.seat_at ?? registration.registered_at))) continue;
              const locale = asLocale(registration.locale);
              if (!webinars.has(locale)) webinars.set(locale, await notifications.webinarFor(session, locale));
              messages.push(
                notifications.message('reminder', session, webinars.get(locale)!, registration, { reminder: kind }),
              );
            }
          }
          await leads(strapi).outbox.enqueue(messages);
          await knex()(TABLE.session)
            .transacting(trx)
            .where({ id: session.id })
            .update(Object.fromEntries([...plan.send, ...plan.skip].map((kind) => [COLUMN[kind], now])));
          sessions += 1;
          enqueued += messages.length;
        });
      }
      return { sessions, enqueued };
    },

    start() {
      job ??= intervalJob({
        everyMs: getConfig(strapi).reminderIntervalMs,
        run: () => service.runReminders(),
        onError: (error) => strapi.log.error(`webinars: reminder run failed: ${error.message}`),
      });
      job.start();
    },

    async stop() {
      await job?.stop();
    },
  };
  return service;
};
