import { useEffect, useState } from 'react';
import type { Locale } from '../consts';
import { WEBINAR_CONSENT_TEXT_VERSION, WEBINAR_STRINGS, seatsWording } from '../i18n/events';
import type { LeadField } from '../lib/form-rules';
import { ConsentBoxes, FieldError, LeadForm, useLeadForm } from './forms/kit';
import { LeadFields } from './forms/LeadFields';
import { provideIslandMessages, type IslandMessages } from '../i18n/messages';

export interface SessionChoice {
  documentId: string;
  /** the start in the session's display zone, formatted at build time */
  label: string;
  status: string;
  seatsLeft?: number | null;
  full?: boolean | null;
  registrationOpen?: boolean | null;
}

interface Props {
  lang: Locale;
  /** the page's texts for this island (i18n/messages.ts islandMessages) */
  messages: IslandMessages;
  cmsUrl: string;
  /** the webinar's slug in this locale: the island refreshes the seats from the public API */
  slug: string;
  sessions: SessionChoice[];
}

const FIELDS = ['email', 'firstName', 'lastName', 'company'] as const satisfies readonly LeadField[];
const REQUIRED: LeadField[] = ['email'];

export function WebinarRegistration({ lang, cmsUrl, slug, sessions: built, messages }: Props) {
  provideIslandMessages(messages);
  const form = useLeadForm(lang);
  const { t, status, fieldError } = form;
  const w = WEBINAR_STRINGS[lang];
  const [sessions, setSessions] = useState(built);

  // Seats change after the build: one GET of the public detail updates the wording.
  useEffect(() => {
    fetch(`${cmsUrl}/api/webinars/webinars/${encodeURIComponent(slug)}?locale=${lang}`, {
      headers: { Accept: 'application/json' },
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((payload) => {
        const fresh = payload?.data?.sessions as SessionChoice[] | undefined;
        if (!Array.isArray(fresh)) return;
        setSessions((current) =>
          current.map((session) => ({
            ...session,
            ...pick(fresh.find((candidate) => candidate.documentId === session.documentId)),
          })),
        );
      })
      .catch(() => undefined);
  }, [cmsUrl, slug, lang]);

  const open = sessions.filter((session) => session.status === 'scheduled' && session.registrationOpen !== false);
  if (status.kind === 'sent') {
    return (
      <div role="status" className="form-success">
        <p>{w.success}</p>
      </div>
    );
  }
  if (open.length === 0) return <p>{w.noSessions}</p>;
  const sessionError = fieldError('session');

  return (
    <LeadForm
      form={form}
      submitLabel={w.register}
      onSubmit={(event) =>
        form.submit(event, {
          endpoint: `${cmsUrl}/api/webinars/registrations`,
          fields: FIELDS,
          required: REQUIRED,
          consentTextVersion: WEBINAR_CONSENT_TEXT_VERSION,
          notFoundMessage: w.notFound,
          extra: (data) => ({ session: String(data.get('session') ?? ''), locale: lang }),
        })
      }
    >
      <fieldset className="session-choice" aria-describedby={sessionError ? 'session-error' : undefined}>
        <legend>{w.session}</legend>
        {open.map((session, index) => (
          <div className="check" key={session.documentId}>
            <input
              type="radio"
              name="session"
              id={`session-${session.documentId}`}
              value={session.documentId}
              defaultChecked={index === 0}
            />
            <label htmlFor={`session-${session.documentId}`}>
              {session.label} · <span className="seats">{seatsWording(lang, session)}</span>
            </label>
          </div>
        ))}
        <FieldError id="session-error" error={sessionError} />
      </fieldset>
      <LeadFields form={form} fields={FIELDS} required={REQUIRED} />
      <ConsentBoxes
        dataProcessing={w.dataProcessing}
        marketingEmail={t.marketingEmail}
        version={WEBINAR_CONSENT_TEXT_VERSION}
        error={fieldError('dataProcessing')}
      />
    </LeadForm>
  );
}

/** Only the seat fields of a fresh session; the label stays the build's. */
const pick = (session: SessionChoice | undefined) =>
  session
    ? {
        status: session.status,
        seatsLeft: session.seatsLeft,
        full: session.full,
        registrationOpen: session.registrationOpen,
      }
    : {};
