import type { Core } from '@strapi/strapi';
import { calendarLinks } from '../domain/calendar-links';
import { TEMPLATES, type TemplateKey } from '../domain/emails';
import { buildIcs } from '../domain/ics';
import { formatSessionTime } from '../domain/reminders';
import { signRegistrationToken } from '../domain/tokens';
import { asLocale, getConfig, getService, type Locale } from '../utils';
import { pageUrl } from './webinars';

/** A session row as the services read it (snake_case columns). */
export interface SessionRow {
  id: number;
  document_id: string;
  webinar: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  capacity: number;
  seats_taken: number;
  status: string;
  join_url: string | null;
  join_instructions: string | null;
  recording_url: string | null;
  sequence: number;
}

export interface RegistrationRow {
  id: number;
  document_id: string;
  session_id: number;
  contact: string;
  contact_id: number;
  email: string;
  first_name: string | null;
  status: string;
  locale: string | null;
  registered_at: Date;
  seat_at: Date | null;
}

export type WebinarSummary = {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  summary: string | null;
};

export const cancelUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/api/webinars/registrations/cancel?token=${encodeURIComponent(token)}`;
export const registrationIcsUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/api/webinars/registrations/ics?token=${encodeURIComponent(token)}`;

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * The emails of a registration as outbox messages (written in the caller's transaction): text
 * for the templates, the personal calendar file as an attachment, the signed self-service links.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getConfig(strapi);
  const host = () => new URL(config().publicUrl).hostname;

  const icsFor = (
    session: SessionRow,
    webinar: WebinarSummary,
    registration: RegistrationRow | null,
    method: 'REQUEST' | 'PUBLISH' | 'CANCEL',
  ) => {
    const { organizer } = config();
    const url = pageUrl(config(), webinar.locale, webinar.slug);
    const registered = registration && method === 'REQUEST';
    return buildIcs({
      session: {
        documentId: session.document_id,
        startsAt: new Date(session.starts_at),
        endsAt: new Date(session.ends_at),
        timeZone: session.time_zone,
        sequence: session.sequence ?? 0,
      },
      title: webinar.title,
      description: [
        webinar.summary ?? '',
        registered && session.join_url ? `Join: ${session.join_url}` : '',
        registered && session.join_instructions ? session.join_instructions : '',
        url,
      ]
        .filter(Boolean)
        .join('\n\n'),
      url,
      organizer,
      domain: host(),
      attendee: registration ? { email: registration.email, name: registration.first_name ?? undefined } : undefined,
      // where to join belongs to registered people only; everyone else gets the page
      location: registered && session.join_url ? session.join_url : url,
      method,
    });
  };

  const service = {
    icsFor,

    /** The webinar of a session in the reader's locale, for texts and links. */
    async webinarFor(session: SessionRow, locale: Locale): Promise<WebinarSummary> {
      const webinar = await getService(strapi, 'webinars').published(session.webinar, locale);
      return webinar ?? { documentId: session.webinar, locale, title: 'Webinar', slug: '', summary: null };
    },

    /**
     * One email to one registration. `round` makes the key unique per occasion where the same
     * kind can rightly be sent again (a second registration after a cancellation).
     */
    message(
      kind: TemplateKey,
      session: SessionRow,
      webinar: WebinarSummary,
      registration: RegistrationRow,
      options: { round?: string | number; reminder?: '24h' | '1h' } = {},
    ) {
      const { publicUrl } = config();
      const locale = asLocale(registration.locale);
      const token = signRegistrationToken(registration.document_id, config().tokenSecret);
      const startsAt = new Date(session.starts_at);
      const endsAt = new Date(session.ends_at);
      const url = pageUrl(config(), webinar.locale, webinar.slug);
      const seated = kind === 'confirmation' || kind === 'promoted' || kind === 'reminder';
      const attachment =
        kind === 'confirmation' || kind === 'promoted'
          ? icsFor(session, webinar, registration, 'REQUEST')
          : kind === 'sessionCancelled'
            ? icsFor(session, webinar, registration, 'CANCEL')
            : null;
      const template = kind === 'reminder' ? `${TEMPLATES.reminder}-${options.reminder ?? '24h'}` : TEMPLATES[kind];
      return {
        topic: 'email.send',
        idempotencyKey: [
          'email',
          template,
          registration.document_id,
          ...(options.round !== undefined ? [String(options.round)] : []),
        ].join(':'),
        contactId: registration.contact_id,
        payload: {
          template: TEMPLATES[kind],
          locale,
          to: registration.email,
          contact: registration.contact,
          data: {
            firstName: registration.first_name ?? undefined,
            webinar: { title: webinar.title, url },
            when: formatSessionTime(startsAt, endsAt, session.time_zone, locale),
            ...(seated && session.join_url ? { joinUrl: session.join_url } : {}),
            ...(seated && session.join_instructions ? { joinInstructions: session.join_instructions } : {}),
            ...(kind === 'confirmation' || kind === 'promoted' || kind === 'waitlisted' || kind === 'reminder'
              ? { cancelUrl: cancelUrl(publicUrl, token) }
              : {}),
            ...(kind === 'confirmation' || kind === 'promoted'
              ? {
                  icsUrl: registrationIcsUrl(publicUrl, token),
                  calendar: calendarLinks({
                    title: webinar.title,
                    description: webinar.summary ?? '',
                    startsAt,
                    endsAt,
                    timeZone: session.time_zone,
                    location: url,
                  }),
                }
              : {}),
            ...(kind === 'recording' && session.recording_url ? { recordingUrl: session.recording_url } : {}),
            ...(options.reminder ? { reminder: options.reminder } : {}),
          },
          ...(attachment
            ? {
                attachments: [
                  {
                    filename: 'invite.ics',
                    type: `text/calendar; charset=utf-8; method=${kind === 'sessionCancelled' ? 'CANCEL' : 'REQUEST'}`,
                    content: base64(attachment),
                  },
                ],
              }
            : {}),
        },
      };
    },
  };
  return service;
};
