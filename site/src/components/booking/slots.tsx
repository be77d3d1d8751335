/** Free times of a meeting type in the visitor's browser time zone: loading them, and the day → time picker. */
import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../../consts';
import { BOOKING_STRINGS, formatDay } from '../../i18n/events';

export interface Slot {
  start: string;
  end: string;
  time: string;
  hosts?: string[];
}
export interface Day {
  date: string;
  slots: Slot[];
}
export interface Booking {
  id: string;
  status: string;
  start: string;
  end: string;
  timeZone: string;
  meetingType: { slug: string; title: string };
  host: { slug: string; name: string };
  location?: string | null;
  changeable?: boolean;
}

/** The visitor's IANA zone, as the slots API wants it (`tz`). */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Today's date in a zone, YYYY-MM-DD, and a date some days later (plain calendar arithmetic). */
export function localToday(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
export function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

/** The 409 answer's fresh slots (`details.days`), when the time was taken. */
export function takenDays(status: number, payload: unknown): Day[] | undefined {
  const details = (payload as { error?: { details?: { reason?: string; days?: unknown } } } | null)?.error?.details;
  return status === 409 && details?.reason === 'slot-taken' && Array.isArray(details.days)
    ? (details.days as Day[])
    : undefined;
}

/** Loads the free times of the next weeks once the island runs in the browser (its zone is known only there). */
export function useSlots(cmsUrl: string, type: string, lang: Locale, daysAhead: number, host?: string | null) {
  const [zone, setZone] = useState<string | null>(null);
  const [days, setDays] = useState<Day[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const tz = browserZone();
    setZone(tz);
    const from = localToday(tz);
    const query = new URLSearchParams({
      type,
      from,
      to: addDays(from, Math.max(1, Math.min(daysAhead, 61))),
      timeZone: tz,
      locale: lang,
    });
    if (host) query.set('host', host);
    fetch(`${cmsUrl}/api/booking/slots?${query}`, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((payload) => setDays(Array.isArray(payload?.data) ? payload.data : []))
      .catch(() => setFailed(true));
  }, [cmsUrl, type, lang, daysAhead, host]);
  return { zone, days, setDays, failed };
}

/** Days with free times as buttons, then the times of the chosen day; plain buttons, so keyboard use is native. */
export function SlotPicker({ lang, days, onPick }: { lang: Locale; days: Day[]; onPick: (slot: Slot) => void }) {
  const t = BOOKING_STRINGS[lang];
  const open = days.filter((day) => day.slots.length > 0);
  const [chosen, setChosen] = useState<string | null>(null);
  const day = open.find((candidate) => candidate.date === chosen) ?? open[0];
  const timesRef = useRef<HTMLHeadingElement>(null);
  if (!day) return <p>{t.noSlots}</p>;
  return (
    <div className="slot-picker">
      <h3>{t.chooseDay}</h3>
      <div className="day-list" role="group" aria-label={t.chooseDay}>
        {open.map((candidate) => (
          <button
            type="button"
            key={candidate.date}
            className={candidate.date === day.date ? 'day' : 'day secondary'}
            aria-pressed={candidate.date === day.date}
            data-date={candidate.date}
            onClick={() => {
              setChosen(candidate.date);
              requestAnimationFrame(() => timesRef.current?.focus());
            }}
          >
            {formatDay(lang, candidate.date)}
          </button>
        ))}
      </div>
      <h3 ref={timesRef} tabIndex={-1}>
        {t.chooseTime}: {formatDay(lang, day.date)}
      </h3>
      <ul className="slot-list" aria-label={`${t.chooseTime}: ${formatDay(lang, day.date)}`}>
        {day.slots.map((slot) => (
          <li key={slot.start}>
            <button type="button" className="slot secondary" data-start={slot.start} onClick={() => onPick(slot)}>
              {slot.time}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
