import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../consts';
import { BOOKING_CONSENT_TEXT_VERSION, BOOKING_STRINGS, formatInZone } from '../i18n/events';
import { PROBLEM_STRINGS } from '../i18n/forms';
import type { LeadField } from '../lib/form-rules';
import { ConsentBoxes, Field, LeadForm, useLeadForm } from './forms/kit';
import { LeadFields } from './forms/LeadFields';
import { SlotPicker, takenDays, useSlots, type Booking, type Slot } from './booking/slots';
import { fill, provideIslandMessages, type IslandMessages } from '../i18n/messages';

interface Props {
  lang: Locale;
  /** the page's texts for this island (i18n/messages.ts islandMessages) */
  messages: IslandMessages;
  cmsUrl: string;
  meetingType: {
    slug: string;
    title: string;
    durationMinutes: number;
    maxDaysAhead?: number | null;
    questions?: Array<{ id: string; label: string; type: string; required: boolean }> | null;
  };
  /** a section may name one host; otherwise the CMS picks (round robin) */
  host?: string | null;
}

const FIELDS = ['email', 'firstName', 'lastName', 'company'] as const satisfies readonly LeadField[];
const REQUIRED: LeadField[] = ['email', 'firstName'];

/** Booking in four steps: day → time (in the browser's zone) → details → confirmation; a taken time shows the fresh ones. */
export function BookingWidget({ lang, cmsUrl, meetingType, host, messages }: Props) {
  provideIslandMessages(messages);
  const t = BOOKING_STRINGS[lang];
  const form = useLeadForm(lang);
  const { t: ft, status, fieldError } = form;
  const { zone, days, setDays, failed } = useSlots(
    cmsUrl,
    meetingType.slug,
    lang,
    Math.min(meetingType.maxDaysAhead ?? 14, 28),
    host,
  );
  const [slot, setSlot] = useState<Slot | null>(null);
  const [taken, setTaken] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const detailsRef = useRef<HTMLHeadingElement>(null);
  const questions = meetingType.questions ?? [];

  useEffect(() => {
    if (taken) noticeRef.current?.focus();
  }, [taken]);

  if (status.kind === 'sent' && zone) {
    const booking = status.data as unknown as Booking;
    return (
      <div role="status" className="form-success booking-confirmation">
        <p>{t.success}</p>
        <p>
          <strong>{booking.meetingType?.title ?? meetingType.title}</strong>{' '}
          {booking.host?.name && `${t.with} ${booking.host.name}`}
          <br />
          <span className="booked-time">{formatInZone(lang, booking.start, zone)}</span>
        </p>
      </div>
    );
  }

  if (failed) return <p role="alert">{t.loadFailed}</p>;
  if (!days || !zone) return <p aria-live="polite">{t.loading}</p>;

  if (!slot) {
    return (
      <div className="booking-widget">
        {taken && (
          <p role="alert" className="form-error" ref={noticeRef} tabIndex={-1}>
            {t.taken}
          </p>
        )}
        <p className="meta">{fill(t.timesIn, { zone })}</p>
        <SlotPicker
          lang={lang}
          days={days}
          onPick={(picked) => {
            setSlot(picked);
            setTaken(false);
            form.reset();
            requestAnimationFrame(() => detailsRef.current?.focus());
          }}
        />
      </div>
    );
  }

  return (
    <div className="booking-widget">
      <h3 ref={detailsRef} tabIndex={-1}>
        {t.details}
      </h3>
      <p className="selected-slot">
        {t.selected}: <strong className="selected-time">{formatInZone(lang, slot.start, zone)}</strong>{' '}
        <button type="button" className="secondary" onClick={() => setSlot(null)}>
          {t.change}
        </button>
      </p>
      <LeadForm
        form={form}
        submitLabel={t.submit}
        onSubmit={(event) =>
          form.submit(event, {
            endpoint: `${cmsUrl}/api/booking/bookings`,
            fields: FIELDS,
            required: REQUIRED,
            consentTextVersion: BOOKING_CONSENT_TEXT_VERSION,
            notFoundMessage: t.notFound,
            check: (data) =>
              Object.fromEntries(
                questions
                  .filter((question) => question.required && !String(data.get(`answers.${question.id}`) ?? '').trim())
                  .map((question) => [`answers.${question.id}`, PROBLEM_STRINGS[lang].required]),
              ),
            extra: (data) => {
              const answers = Object.fromEntries(
                questions
                  .map((question) => [question.id, String(data.get(`answers.${question.id}`) ?? '').trim()])
                  .filter(([, answer]) => answer),
              );
              return {
                type: meetingType.slug,
                start: slot.start,
                timeZone: zone,
                locale: lang,
                ...(host ? { host } : {}),
                ...(Object.keys(answers).length ? { answers } : {}),
              };
            },
            onError: (code, payload) => {
              const fresh = takenDays(code, payload);
              if (!fresh) return undefined;
              setDays(fresh);
              setSlot(null);
              setTaken(true);
              return t.taken;
            },
          })
        }
      >
        <LeadFields form={form} fields={FIELDS} required={REQUIRED} />
        {questions.map((question) => (
          <Field
            key={question.id}
            name={`answers.${question.id}`}
            label={question.label}
            error={fieldError(`answers.${question.id}`)}
            required={question.required}
            optionalLabel={ft.optional}
            multiline={question.type === 'textarea'}
            maxLength={1000}
          />
        ))}
        <ConsentBoxes
          dataProcessing={t.dataProcessing}
          marketingEmail={ft.marketingEmail}
          version={BOOKING_CONSENT_TEXT_VERSION}
          error={fieldError('dataProcessing')}
        />
      </LeadForm>
    </div>
  );
}
