import { DateTime } from 'luxon';

/**
 * When reminders are due. "24 h before" means the same wall-clock time on the day before, in
 * the session's time zone: across a DST change that is 23 or 25 elapsed hours, and the reminder
 * still arrives at the hour people expect. "1 h before" is 60 elapsed minutes.
 */
export const REMINDER_KINDS = ['24h', '1h'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export function reminderDueAt(kind: ReminderKind, startsAt: Date, timeZone: string): Date {
  const start = DateTime.fromJSDate(startsAt, { zone: timeZone });
  if (!start.isValid) throw new Error(`invalid time zone ${timeZone}`);
  const due = kind === '24h' ? start.minus({ days: 1 }) : start.minus({ hours: 1 });
  return due.toJSDate();
}

export interface ReminderPlan {
  /** reminders to send now */
  send: ReminderKind[];
  /** reminders to mark done without sending (a later one supersedes them) */
  skip: ReminderKind[];
}

/**
 * Which reminders of a session are due at `now`, given those already done. Nothing after the
 * start; when the 1 h reminder is due, a 24 h one not sent yet (the job was down) is skipped,
 * so nobody gets two reminders in the same minute.
 */
export function dueReminders(
  session: { startsAt: Date; timeZone: string },
  now: Date,
  done: readonly ReminderKind[],
): ReminderPlan {
  if (now.getTime() >= session.startsAt.getTime()) return { send: [], skip: [] };
  const due = REMINDER_KINDS.filter(
    (kind) =>
      !done.includes(kind) && reminderDueAt(kind, session.startsAt, session.timeZone).getTime() <= now.getTime(),
  );
  if (due.includes('1h')) return { send: ['1h'], skip: due.filter((kind) => kind !== '1h') };
  return { send: due, skip: [] };
}

/**
 * Whether one registration gets a reminder: only people who registered (or got their seat)
 * before it was due; someone who signs up ten hours before has just had the confirmation.
 */
export const wantsReminder = (kind: ReminderKind, session: { startsAt: Date; timeZone: string }, registeredAt: Date) =>
  registeredAt.getTime() < reminderDueAt(kind, session.startsAt, session.timeZone).getTime();

/** The longest time before a start that a reminder can be due (24 h plus a DST hour). */
export const REMINDER_HORIZON_MS = 25 * 3600 * 1000;

export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length <= 64 && DateTime.local().setZone(zone).isValid;
}

/** "Tuesday, December 8, 2026, 10:00–11:00 GMT+1 (Europe/Berlin)" in the session's zone and the reader's language. */
export function formatSessionTime(startsAt: Date, endsAt: Date, timeZone: string, locale: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone: timeZone }).setLocale(locale);
  const end = DateTime.fromJSDate(endsAt, { zone: timeZone }).setLocale(locale);
  const date = start.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = (value: DateTime) => value.toLocaleString({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const sameDay = start.hasSame(end, 'day');
  const endText = sameDay ? time(end) : `${end.toLocaleString({ day: 'numeric', month: 'long' })} ${time(end)}`;
  return `${date}, ${time(start)}–${endText} ${start.toFormat('ZZZZ')} (${timeZone})`;
}
