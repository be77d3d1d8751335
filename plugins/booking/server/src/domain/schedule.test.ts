import { describe, expect, it } from 'vitest';
import { isTimeZone, overridesProblems, weeklyHoursProblems } from './schedule';

describe('isTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['+02:00', false],
    ['UTC+2', false],
    ['', false],
    [42, false],
  ])('%s → %s', (zone, valid) => expect(isTimeZone(zone)).toBe(valid));

  it('answers the same the second time (a remembered valid zone; an invalid one is checked again)', () => {
    for (const [zone, valid] of [
      ['Asia/Tokyo', true],
      ['Asia/Tokyo', true],
      ['Asia/Nowhere', false],
      ['Asia/Nowhere', false],
      ['GMT+1', false],
      ['GMT+1', false],
    ] as const)
      expect(isTimeZone(zone)).toBe(valid);
  });
});

describe('weekly hours', () => {
  it.each([
    [{ mon: [{ start: '09:00', end: '17:00' }], fri: [] }, []],
    [
      {
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '24:00' },
        ],
      },
      [],
    ],
    [{ funday: [] }, ['weeklyHours.funday is not a weekday (mon..sun)']],
    [{ mon: [{ start: '9:00', end: '12:00' }] }, ['weeklyHours.mon[0] needs start and end as HH:mm']],
    [{ mon: [{ start: '12:00', end: '09:00' }] }, ['weeklyHours.mon[0] ends before it starts']],
    [
      {
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
      ['weeklyHours.mon has overlapping intervals'],
    ],
    [[], ['weeklyHours must be an object with keys mon..sun']],
  ])('%j → %j', (weekly, problems) => expect(weeklyHoursProblems(weekly)).toEqual(problems));
});

describe('date overrides', () => {
  it.each([
    [[{ date: '2026-12-24', intervals: [] }], []],
    [[{ date: '2026-02-30', intervals: [] }], ['dateOverrides[0].date must be YYYY-MM-DD']],
    [
      [
        { date: '2026-12-24', intervals: [] },
        { date: '2026-12-24', intervals: [] },
      ],
      ['dateOverrides has 2026-12-24 twice'],
    ],
    [{}, ['dateOverrides must be a list']],
  ])('%j → %j', (overrides, problems) => expect(overridesProblems(overrides)).toEqual(problems));
});
