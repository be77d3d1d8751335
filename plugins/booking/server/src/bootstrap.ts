import type { Core } from '@strapi/strapi';
import type { EmailKit } from '@magnetiq/plugin-leads/contract';
import { BOOKING_EMAIL_LOCALES, renderBookingEmail, TEMPLATES, type BookingEmailData } from './domain/emails';
import { PERMISSION_ACTIONS } from './permissions';
import { getService, leads, TOPIC, UID } from './utils';
import { CLUSTER_TOPIC } from './services/availability';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);

  const email = leads(strapi).email;
  for (const [kind, template] of Object.entries(TEMPLATES) as Array<[keyof typeof TEMPLATES, string]>) {
    email.registerTemplate(
      template,
      (locale: string, data: BookingEmailData, kit: EmailKit) => renderBookingEmail(kind, locale, data, kit),
      BOOKING_EMAIL_LOCALES,
    );
  }

  // GDPR erase in the leads core takes the contact's bookings along (services/erasure.ts)
  leads(strapi).contacts.onErase((erased) => getService(strapi, 'erasure').eraseContact(erased));

  // calendar-sync lists each host's calendar ("Connect Google Calendar") and tells a host whose grant Google refused
  strapi
    .plugin('calendar-sync')
    ?.service('owners')
    ?.register('booking', async () =>
      (await getService(strapi, 'catalog').allHosts())
        .filter((host) => host.calendarId)
        .map((host) => ({ calendarId: host.calendarId!, kind: 'host' as const, name: host.name, email: host.email })),
    );

  leads(strapi).outbox.registerHandler(
    TOPIC.conferenceReady,
    async ({ payload }: { payload: { booking: string; meetLink?: string | null } }) =>
      getService(strapi, 'bookings').conferenceReady(payload),
  );
  leads(strapi).outbox.registerHandler(
    TOPIC.reminder,
    async ({ payload }: { payload: { booking: string; start: string } }) =>
      getService(strapi, 'bookings').sendReminder(payload),
  );

  // any change to hosts or meeting types (admin API, content manager) drops the catalog cache
  const invalidate = () => getService(strapi, 'catalog').invalidate();
  // ... and another instance's change drops this instance's copies (docs/adr/0025)
  const cluster = leads(strapi).cluster;
  cluster.subscribe(CLUSTER_TOPIC.catalog, () => getService(strapi, 'catalog').invalidateLocal());
  cluster.subscribe(CLUSTER_TOPIC.slots, () => getService(strapi, 'availability').invalidateLocal());
  strapi.db.lifecycles.subscribe({
    models: [UID.host, UID.meetingType],
    afterCreate: invalidate,
    afterUpdate: invalidate,
    afterDelete: invalidate,
    afterCreateMany: invalidate,
    afterUpdateMany: invalidate,
    afterDeleteMany: invalidate,
  });
};
