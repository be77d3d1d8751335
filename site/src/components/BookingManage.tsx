import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../consts';
import { BOOKING_STRINGS, formatInZone } from '../i18n/events';
import { SlotPicker, browserZone, takenDays, useSlots, type Booking, type Day } from './booking/slots';
import { takeTokenFromAddressBar } from '../lib/url-token';
import { fill, provideIslandMessages, type IslandMessages } from '../i18n/messages';

interface Props {
  lang: Locale;
  /** the page's texts for this island (i18n/messages.ts islandMessages) */
  messages: IslandMessages;
  cmsUrl: string;
}

type View =
  | { kind: 'loading' }
  | { kind: 'invalid'; message: string }
  | { kind: 'booking'; booking: Booking; done?: 'cancelled' | 'rescheduled' };

/**
 * The page the booking emails link to (`/<lang>/booking/manage?token=…`): the token is read from
 * the page's URL, removed from the address bar at once (third-party scripts read location.href),
 * and sent to the CMS in POST bodies only (never in a CMS URL).
 */
export function BookingManage({ lang, cmsUrl, messages }: Props) {
  provideIslandMessages(messages);
  const t = BOOKING_STRINGS[lang];
  const [token, setToken] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [mode, setMode] = useState<'none' | 'cancel' | 'reschedule'>('none');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [zone, setZone] = useState('UTC');
  const messageRef = useRef<HTMLDivElement>(null);

  const post = async (path: string, body: Record<string, unknown>) => {
    const response = await fetch(`${cmsUrl}/api/booking/manage${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, payload: await response.json().catch(() => null) };
  };

  useEffect(() => {
    setZone(browserZone());
    const found = takeTokenFromAddressBar('token');
    setToken(found);
    if (!found) return setView({ kind: 'invalid', message: t.manageNoToken });
    post('', { token: found })
      .then(({ status, payload }) =>
        status === 200
          ? setView({ kind: 'booking', booking: payload.data })
          : setView({ kind: 'invalid', message: t.manageInvalid }),
      )
      .catch(() => setView({ kind: 'invalid', message: t.failed }));
    // once, on mount: the token is taken out of the address bar, so a second run would find none
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (view.kind === 'booking' && view.done) messageRef.current?.focus();
  }, [view]);

  const explain = (status: number, payload: any) => {
    const reason = payload?.error?.details?.reason;
    if (status === 403 || status === 404) return t.manageInvalid;
    if (status === 409 && (reason === 'not-changeable' || reason === 'already-cancelled')) return t.notChangeable;
    return t.failed;
  };

  if (view.kind === 'loading') return <p aria-live="polite">{t.manageLoading}</p>;
  if (view.kind === 'invalid') return <p role="alert">{view.message}</p>;
  const { booking, done } = view;

  const cancel = async (reason: string) => {
    setBusy(true);
    setError(null);
    const { status, payload } = await post('/cancel', { token, ...(reason ? { reason } : {}) }).catch(() => ({
      status: 0,
      payload: null,
    }));
    setBusy(false);
    if (status === 200) {
      setMode('none');
      return setView({ kind: 'booking', booking: payload.data, done: 'cancelled' });
    }
    setError(explain(status, payload));
  };

  return (
    <div className="booking-manage">
      <dl className="booking-facts">
        <dt>{t.manageTitle}</dt>
        <dd>
          <strong>{booking.meetingType.title}</strong> {t.with} {booking.host.name}
        </dd>
        <dt>{t.selected}</dt>
        <dd className="booked-time">{formatInZone(lang, booking.start, zone)}</dd>
        <dt>Status</dt>
        <dd className="booking-status">{t.status[booking.status] ?? booking.status}</dd>
      </dl>
      {done && (
        <div role="status" className="form-success" ref={messageRef} tabIndex={-1}>
          <p>{done === 'cancelled' ? t.cancelled : t.rescheduled}</p>
        </div>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {!done && booking.changeable && mode === 'none' && (
        <p className="actions">
          <button type="button" className="secondary" onClick={() => setMode('reschedule')}>
            {t.reschedule}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setMode('cancel')}>
            {t.cancel}
          </button>
        </p>
      )}
      {!done && booking.changeable === false && <p>{t.notChangeable}</p>}
      {!done && mode === 'cancel' && (
        <form
          method="post"
          onSubmit={(event) => {
            event.preventDefault();
            void cancel(String(new FormData(event.currentTarget).get('reason') ?? '').trim());
          }}
        >
          <div className="field">
            <label htmlFor="cancel-reason">{t.cancelReason}</label>
            <textarea id="cancel-reason" name="reason" maxLength={1000} />
          </div>
          <button type="submit" disabled={busy}>
            {t.confirmCancel}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setMode('none')}>
            {t.back}
          </button>
        </form>
      )}
      {!done && mode === 'reschedule' && token && (
        <Reschedule
          lang={lang}
          cmsUrl={cmsUrl}
          booking={booking}
          onPick={async (start, setDays) => {
            setBusy(true);
            setError(null);
            const { status, payload } = await post('/reschedule', { token, start, timeZone: browserZone() }).catch(
              () => ({ status: 0, payload: null }),
            );
            setBusy(false);
            if (status === 200) {
              setMode('none');
              return setView({ kind: 'booking', booking: payload.data, done: 'rescheduled' });
            }
            const fresh = takenDays(status, payload);
            if (fresh) setDays(fresh);
            setError(fresh ? t.taken : explain(status, payload));
          }}
          onBack={() => setMode('none')}
        />
      )}
    </div>
  );
}

function Reschedule({
  lang,
  cmsUrl,
  booking,
  onPick,
  onBack,
}: {
  lang: Locale;
  cmsUrl: string;
  booking: Booking;
  onPick: (start: string, setDays: (days: Day[]) => void) => void;
  onBack: () => void;
}) {
  const t = BOOKING_STRINGS[lang];
  const { zone, days, setDays, failed } = useSlots(cmsUrl, booking.meetingType.slug, lang, 28, booking.host.slug);
  if (failed) return <p role="alert">{t.loadFailed}</p>;
  if (!days || !zone) return <p aria-live="polite">{t.loading}</p>;
  return (
    <div className="reschedule">
      <p className="meta">{fill(t.timesIn, { zone })}</p>
      <SlotPicker lang={lang} days={days} onPick={(slot) => onPick(slot.start, setDays)} />
      <button type="button" className="secondary" onClick={onBack}>
        {t.back}
      </button>
    </div>
  );
}
