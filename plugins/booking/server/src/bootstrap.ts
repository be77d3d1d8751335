import type { Core } from '@strapi/strapi';
import { renderBookingEmail, TEMPLATES } from './domain/emails';
import { PERMISSION_ACTIONS } from './permissions';
import { getService, leads, TOPIC, UID } from './utils';
import { CLUSTER_TOPIC } from './services/availability';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);

  const email = leads(strapi).email;
  for (const [kind, template] of Object.entries(TEMPLATES) as Array<[keyof typeof TEMPLATES, string]>) {
    email.registerTemplate(template, (locale: 'en' | 'de', data: any, kit: any) => renderBookingEmail(kind, locale, data, kit));
  }

  // GDPR erase in the leads core takes the contact's bookings along (services/erasure.ts)
  leads(strapi).contacts.onErase((erased: any) => getService(strapi, 'erasure').eraseContact(erased));

  leads(strapi).outbox.registerHandler(TOPIC.reminder, async ({ payload }: { payload: { booking: string; start: string } }) => getService(strapi, 'bookings').sendReminder(payload));

  // any change to hosts or meeting types (admin API, content manager) drops the catalog cache
  const invalidate = () => getService(strapi, 'catalog').invalidate();
  // ... and another instance's change drops this instance's copies (docs/adr/0025)
  const cluster = strapi.plugin('leads').service('cluster');
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
