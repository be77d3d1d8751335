import { describe, expect, it } from 'vitest';
import { admission, afterCancellation, fillSeats, isOpen, seatsLeft, waitlistOrder } from './seats';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
const waiting = [
  { id: 7, createdAt: at(5) },
  { id: 3, createdAt: at(1) },
  { id: 9, createdAt: at(1) },
];

describe('seat accounting', () => {
  it.each([
    [10, 0, 10],
    [10, 9, 1],
    [10, 10, 0],
    [5, 8, 0],
  ])('capacity %i with %i taken leaves %i seats', (capacity, taken, left) => {
    expect(seatsLeft(capacity, taken)).toBe(left);
  });

  it('admits while a seat is left and waitlists once the session is full', () => {
    expect(admission({ capacity: 10, seatsTaken: 9 })).toBe('registered');
    expect(admission({ capacity: 10, seatsTaken: 10 })).toBe('waitlisted');
    expect(admission({ capacity: 0, seatsTaken: 0 })).toBe('waitlisted');
  });

  it('orders the waitlist by arrival, then by id', () => {
    expect(waitlistOrder(waiting).map((entry) => entry.id)).toEqual([3, 9, 7]);
  });
});

describe('waitlist promotion', () => {
  it('gives a cancelled seat to the first waitlisted person and keeps the count', () => {
    const change = afterCancellation('registered', { capacity: 10, seatsTaken: 10 }, waiting);
    expect(change.promote.map((entry) => entry.id)).toEqual([3]);
    expect(change.seatsTaken).toBe(10);
  });

  it('gives the seat back when nobody is waiting', () => {
    expect(afterCancellation('registered', { capacity: 10, seatsTaken: 10 }, [])).toEqual({
      promote: [],
      seatsTaken: 9,
    });
  });

  it('frees no seat when a waitlisted person cancels', () => {
    expect(afterCancellation('waitlisted', { capacity: 10, seatsTaken: 10 }, waiting)).toEqual({
      promote: [],
      seatsTaken: 10,
    });
  });

  it('promotes nobody while the session is over capacity (capacity was lowered)', () => {
    expect(afterCancellation('registered', { capacity: 8, seatsTaken: 10 }, waiting)).toEqual({
      promote: [],
      seatsTaken: 9,
    });
  });

  it('fills every seat a larger capacity frees, in waitlist order', () => {
    const change = fillSeats({ capacity: 12, seatsTaken: 10 }, waiting);
    expect(change.promote.map((entry) => entry.id)).toEqual([3, 9]);
    expect(change.seatsTaken).toBe(12);
  });

  it('closes registration and cancellation once the session starts or is cancelled', () => {
    expect(isOpen({ status: 'scheduled', startsAt: at(10) }, at(9))).toBe(true);
    expect(isOpen({ status: 'scheduled', startsAt: at(10) }, at(10))).toBe(false);
    expect(isOpen({ status: 'cancelled', startsAt: at(10) }, at(9))).toBe(false);
  });
});
