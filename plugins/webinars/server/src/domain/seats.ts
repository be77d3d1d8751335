/**
 * Seat accounting of a session, as pure decisions. The database applies them under the
 * session's row lock (services/registrations.ts): these functions never see a stale count,
 * because they are only called with what was read inside that lock.
 */
export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled' | 'attended' | 'no-show';

/** Statuses that hold a seat. Attended and no-show people held one: the count stays. */
export const SEAT_HOLDING: readonly RegistrationStatus[] = ['registered', 'attended', 'no-show'];

export const seatsLeft = (capacity: number, seatsTaken: number) => Math.max(0, capacity - seatsTaken);

export interface WaitlistEntry {
  id: number;
  /** when the person joined the waitlist; ties broken by id */
  createdAt: Date;
}

/** First come, first served: the order in which waitlisted people get a seat. */
export function waitlistOrder<T extends WaitlistEntry>(waitlist: readonly T[]): T[] {
  return [...waitlist].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

export interface SeatChange<T extends WaitlistEntry = WaitlistEntry> {
  /** waitlisted people who get a seat now, in order */
  promote: T[];
  /** the new value of the session's seat counter */
  seatsTaken: number;
}

/**
 * A registration was cancelled. A freed seat goes straight to the first waitlisted person (the
 * counter stays); with nobody waiting it is given back. A cancelled waitlist entry frees nothing.
 */
export function afterCancellation<T extends WaitlistEntry>(
  cancelled: RegistrationStatus,
  session: { capacity: number; seatsTaken: number },
  waitlist: readonly T[],
): SeatChange<T> {
  if (!SEAT_HOLDING.includes(cancelled)) return { promote: [], seatsTaken: session.seatsTaken };
  return fillSeats({ capacity: session.capacity, seatsTaken: Math.max(0, session.seatsTaken - 1) }, waitlist);
}

/** Gives every free seat to the waitlist, in order (after a cancellation or a larger capacity). */
export function fillSeats<T extends WaitlistEntry>(
  session: { capacity: number; seatsTaken: number },
  waitlist: readonly T[],
): SeatChange<T> {
  const promote = waitlistOrder(waitlist).slice(0, seatsLeft(session.capacity, session.seatsTaken));
  return { promote, seatsTaken: session.seatsTaken + promote.length };
}

/** Which status a new registration gets, given the seat counter read under the lock. */
export const admission = (session: { capacity: number; seatsTaken: number }): 'registered' | 'waitlisted' =>
  seatsLeft(session.capacity, session.seatsTaken) > 0 ? 'registered' : 'waitlisted';

/** Whether a visitor may still cancel (or register): not after the session has started. */
export const isOpen = (session: { status: string; startsAt: Date }, now: Date) =>
  session.status === 'scheduled' && session.startsAt.getTime() > now.getTime();
