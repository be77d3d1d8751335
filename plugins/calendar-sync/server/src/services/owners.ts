import type { Core } from '@strapi/strapi';

/**
 * Who a Google calendar belongs to: a booking host, or the team calendar of a webinar. Other
 * plugins register a source (booking its hosts, webinars their team calendars), so calendar-sync
 * can list "Connect Google Calendar" per host and email a host whose grant Google refused,
 * without depending on those plugins or reading their tables.
 */
export interface CalendarOwner {
  calendarId: string;
  kind: 'host' | 'team';
  /** shown in the admin: the host's name, the webinar's title */
  name: string;
  /** where a lost connection is reported; null = the admin who connected it */
  email: string | null;
}

export type CalendarOwnerSource = () => Promise<CalendarOwner[]>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sources = new Map<string, CalendarOwnerSource>();
  return {
    /** `name` is the registering plugin; registering again replaces its source */
    register(name: string, source: CalendarOwnerSource) {
      sources.set(name, source);
    },

    async all(): Promise<CalendarOwner[]> {
      const lists = await Promise.all(
        [...sources.entries()].map(([name, source]) =>
          source().catch((error: unknown) => {
            strapi.log.warn(`calendar-sync: calendar owners from ${name} failed: ${(error as Error).message}`);
            return [] as CalendarOwner[];
          }),
        ),
      );
      return lists.flat().filter((owner) => owner.calendarId);
    },

    async of(calendarId: string): Promise<CalendarOwner[]> {
      return (await this.all()).filter((owner) => owner.calendarId === calendarId);
    },
  };
};
