import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DateOverride, WeeklyHours } from '../domain/schedule';
import { getService, UID } from '../utils';

/** The admin's view and edit of hosts' weekly hours and days off. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async hosts() {
    const hosts = await getService(strapi, 'catalog').allHosts();
    return hosts
      .map((host) => ({
        documentId: host.documentId,
        slug: host.slug,
        name: host.name,
        // no email or calendarId: they are Admin's (Content Manager) and the schedule editor,
        // which marketing uses, has no need for them
        timeZone: host.timeZone,
        weeklyHours: host.weeklyHours,
        dateOverrides: host.dateOverrides,
        active: host.active,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  },

  /** The schedule fields are not localized: every locale row of the host gets the same values. */
  async update(
    documentId: string,
    schedule: { timeZone: string; weeklyHours: WeeklyHours; dateOverrides: DateOverride[] },
  ) {
    const updated = await strapi.db.query(UID.host).updateMany({ where: { documentId }, data: schedule });
    if (!updated?.count) throw new errors.NotFoundError('Host not found');
    getService(strapi, 'catalog').invalidate();
    return (await this.hosts()).find((host) => host.documentId === documentId);
  },
});
