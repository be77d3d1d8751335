import type { Core } from '@strapi/strapi';
import { PERMISSION_ACTIONS } from './permissions';
import { getService, leads, TABLE, UID } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  // The language a webinar is held in is a configured locale code (the leads `locales` service),
  // whichever way it is written (Content Manager, admin route, seed): missing → the default locale.
  type LanguageEvent = { params: { data?: { language?: unknown } } };
  const checkLanguage = async ({ params: { data } }: LanguageEvent) => {
    if (data) data.language = await leads(strapi).locales.resolve(data.language, 'language');
  };
  strapi.db.lifecycles.subscribe({
    models: [UID.webinar],
    beforeCreate: checkLanguage,
    beforeUpdate: async (event: LanguageEvent) => {
      if (event.params.data && 'language' in event.params.data) await checkLanguage(event);
    },
  });
  // GDPR erase in the leads core takes the person's registrations along: personal fields cleared,
  // open registrations cancelled (no reminder to an erased address) and their seats given back,
  // session rows first, as every seat change locks them.
  leads(strapi).contacts.onErase(async ({ contactDocumentId, placeholderEmail, trx }) => {
    const knex = strapi.db.connection;
    const now = new Date();
    await knex
      .raw(
        `update ?? s set seats_taken = greatest(0, s.seats_taken - x.seats), updated_at = ?
         from (select session_id, count(*) as seats from ?? where contact = ? and status = 'registered' group by session_id) x
         where s.id = x.session_id`,
        [TABLE.session, now, TABLE.registration, contactDocumentId],
      )
      .transacting(trx);
    await knex(TABLE.registration)
      .transacting(trx)
      .where({ contact: contactDocumentId })
      .update({
        email: placeholderEmail,
        first_name: null,
        last_name: null,
        company: null,
        answers: JSON.stringify({}),
        utm_term: null,
        utm_content: null,
        status: knex.raw(`case when status in ('registered', 'waitlisted') then 'cancelled' else status end`),
        cancel_reason: knex.raw(
          `case when status in ('registered', 'waitlisted') then 'erased' else cancel_reason end`,
        ),
        cancelled_at: knex.raw(
          `case when status in ('registered', 'waitlisted') then ?::timestamptz else cancelled_at end`,
          [now],
        ),
        updated_at: now,
      });
  });
  // newsletter segments: "attended one of these webinars", from the registrations' attendance marks
  // (a corrected mark counts as it stands now), over our own table only (docs/adr/0027)
  leads(strapi).marketing.registerCriterion('webinar-attended', {
    label: 'Attended a webinar',
    contacts: (webinars, knex) =>
      knex(TABLE.registration).whereIn('webinar', webinars).where({ status: 'attended' }).select('contact'),
    options: async () => {
      const attended: Array<{ webinar: string }> = await strapi.db
        .connection(TABLE.registration)
        .distinct('webinar')
        .where({ status: 'attended' });
      const titles = await strapi.db.query(UID.webinar).findMany({
        where: { documentId: { $in: attended.map((row) => row.webinar) } },
        select: ['documentId', 'title'],
      });
      const titleOf = new Map(titles.map((row: { documentId: string; title: string }) => [row.documentId, row.title]));
      return attended
        .map((row) => ({ value: row.webinar, label: titleOf.get(row.webinar) ?? row.webinar }))
        .sort((a, b) => a.label.localeCompare(b.label));
    },
  });
  // calendar-sync lists the team calendars of webinars in its admin ("Connect Google Calendar")
  strapi
    .plugin('calendar-sync')
    ?.service('owners')
    ?.register('webinars', () => getService(strapi, 'team-calendar').owners());
  // the reminder job; several instances may run it (sessions are claimed with SKIP LOCKED)
  strapi.server.httpServer.once('listening', () => getService(strapi, 'reminders').start());
};
