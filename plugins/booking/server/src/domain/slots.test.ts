import { describe, expect, it } from 'vitest';
import { freeSlots, isFreeStart, mergeIntervals, type SlotHost, type SlotRules } from './slots';

const at = (iso: string) => Date.parse(iso);

const rules = (overrides: Partial<SlotRules> = {}): SlotRules => ({
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  maxDaysAhead: 365,
  slotStepMinutes: 30,
  dailyLimitPerHost: 0,
  ...overrides,
});

const host = (overrides: Partial<SlotHost> = {}): SlotHost => ({
  id: 'anna',
  timeZone: 'Europe/Berlin',
  weeklyHours: {
    mon: [{ start: '09:00', end: '10:00' }],
    tue: [{ start: '09:00', end: '10:00' }],
    wed: [{ start: '09:00', end: '10:00' }],
    thu: [{ start: '09:00', end: '10:00' }],
    fri: [{ start: '09:00', end: '10:00' }],
  },
  dateOverrides: [],
  busy: [],
  bookedStarts: [],
  load: 0,
  ...overrides,
});

/** All starts of one visitor day as UTC ISO strings. */
const startsOn = (
  hosts: SlotHost[],
  slotRules: SlotRules,
  date: string,
  timeZone: string,
  now = at('2026-01-01T00:00:00Z'),
) => freeSlots(hosts, slotRules, { from: date, to: date, timeZone, now })[0].slots.map((slot) => slot.start);

describe('slots across DST changes', () => {
  const cases: Array<{
    name: string;
    host: Partial<SlotHost>;
    date: string;
    visitorZone: string;
    starts: string[];
    times?: string[];
  }> = [
    {
      name: 'Berlin host before the spring change: 09:00 CET is 08:00 UTC',
      host: {},
      date: '2026-03-27',
      visitorZone: 'Europe/Berlin',
      starts: ['2026-03-27T08:00:00.000Z', '2026-03-27T08:30:00.000Z'],
    },
    {
      name: 'Berlin host after the spring change: 09:00 CEST is 07:00 UTC',
      host: {},
      date: '2026-03-30',
      visitorZone: 'Europe/Berlin',
      starts: ['2026-03-30T07:00:00.000Z', '2026-03-30T07:30:00.000Z'],
    },
    {
      name: 'Berlin host after the autumn change: 09:00 CET is 08:00 UTC again',
      host: {},
      date: '2026-10-26',
      visitorZone: 'Europe/Berlin',
      starts: ['2026-10-26T08:00:00.000Z', '2026-10-26T08:30:00.000Z'],
    },
    {
      name: 'New York visitor between the US and the EU change sees Berlin 09:00 at 04:00 (5 hours apart)',
      host: {},
      date: '2026-03-16',
      visitorZone: 'America/New_York',
      starts: ['2026-03-16T08:00:00.000Z', '2026-03-16T08:30:00.000Z'],
      times: ['04:00', '04:30'],
    },
    {
      name: 'New York visitor before both changes sees Berlin 09:00 at 03:00 (6 hours apart)',
      host: {},
      date: '2026-03-02',
      visitorZone: 'America/New_York',
      starts: ['2026-03-02T08:00:00.000Z', '2026-03-02T08:30:00.000Z'],
      times: ['03:00', '03:30'],
    },
    {
      name: 'New York host before the autumn change: 09:00 EDT is 13:00 UTC',
      host: { timeZone: 'America/New_York' },
      date: '2026-10-30',
      visitorZone: 'America/New_York',
      starts: ['2026-10-30T13:00:00.000Z', '2026-10-30T13:30:00.000Z'],
    },
    {
      name: 'New York host after the autumn change: 09:00 EST is 14:00 UTC',
      host: { timeZone: 'America/New_York' },
      date: '2026-11-02',
      visitorZone: 'America/New_York',
      starts: ['2026-11-02T14:00:00.000Z', '2026-11-02T14:30:00.000Z'],
    },
  ];
  it.each(cases)('$name', ({ host: overrides, date, visitorZone, starts, times }) => {
    const days = freeSlots([host(overrides)], rules(), {
      from: date,
      to: date,
      timeZone: visitorZone,
      now: at('2026-01-01T00:00:00Z'),
    });
    expect(days[0].slots.map((slot) => slot.start)).toEqual(starts);
    if (times) expect(days[0].slots.map((slot) => slot.time)).toEqual(times);
  });

  it('a 24-hour day on the spring change has 23 hourly starts (02:00 does not exist in Berlin)', () => {
    const allDay = host({ weeklyHours: { sun: [{ start: '00:00', end: '24:00' }] } });
    const starts = startsOn(
      [allDay],
      rules({ durationMinutes: 60, slotStepMinutes: 60 }),
      '2026-03-29',
      'Europe/Berlin',
    );
    expect(starts).toHaveLength(23);
    expect(starts[2]).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST follows 01:00 CET
  });

  it('a 24-hour day on the autumn change has 25 hourly starts (01:00 happens twice in New York on 1 November)', () => {
    const allDay = host({ timeZone: 'America/New_York', weeklyHours: { sun: [{ start: '00:00', end: '24:00' }] } });
    const starts = startsOn(
      [allDay],
      rules({ durationMinutes: 60, slotStepMinutes: 60 }),
      '2026-11-01',
      'America/New_York',
    );
    expect(starts).toHaveLength(25);
  });

  it('hours that start inside the spring gap begin when the clock jumps', () => {
    const gap = host({ weeklyHours: { sun: [{ start: '02:30', end: '04:00' }] } });
    expect(startsOn([gap], rules(), '2026-03-29', 'Europe/Berlin')).toEqual(['2026-03-29T01:30:00.000Z']);
  });

  it('a host day that crosses midnight for the visitor lands on two visitor days', () => {
    const tokyo = host({ timeZone: 'Asia/Tokyo', weeklyHours: { tue: [{ start: '08:00', end: '09:00' }] } });
    // Tuesday 08:00 in Tokyo is Monday 18:00 in New York
    const days = freeSlots([tokyo], rules(), {
      from: '2026-02-02',
      to: '2026-02-03',
      timeZone: 'America/New_York',
      now: at('2026-01-01T00:00:00Z'),
    });
    expect(days.map((day) => [day.date, day.slots.map((slot) => slot.time)])).toEqual([
      ['2026-02-02', ['18:00', '18:30']],
      ['2026-02-03', []],
    ]);
  });
});

describe('slots: rules of the meeting type', () => {
  const monday = '2026-02-02';
  const cases: Array<{
    name: string;
    rules: Partial<SlotRules>;
    host?: Partial<SlotHost>;
    now?: string;
    starts: string[];
  }> = [
    { name: 'a free hour gives two 30-minute starts', rules: {}, starts: ['08:00', '08:30'] },
    {
      name: 'a 45-minute meeting fits once into a free hour',
      rules: { durationMinutes: 45, slotStepMinutes: 15 },
      starts: ['08:00', '08:15'],
    },
    {
      name: 'a step of 15 minutes offers every quarter hour that fits',
      rules: { durationMinutes: 30, slotStepMinutes: 15 },
      starts: ['08:00', '08:15', '08:30'],
    },
    {
      name: 'minimum notice drops starts too soon after now',
      rules: { minimumNoticeMinutes: 60 },
      now: '2026-02-02T07:15:00Z',
      starts: ['08:30'],
    },
    {
      name: 'notice that ends exactly at a start keeps that start',
      rules: { minimumNoticeMinutes: 60 },
      now: '2026-02-02T07:00:00Z',
      starts: ['08:00', '08:30'],
    },
    { name: 'starts in the past are never offered', rules: {}, now: '2026-02-02T08:10:00Z', starts: ['08:30'] },
    {
      name: 'the horizon ends with the host day maxDaysAhead after today',
      rules: { maxDaysAhead: 1 },
      now: '2026-01-31T12:00:00Z',
      starts: [],
    },
    {
      name: 'a day inside the horizon is offered',
      rules: { maxDaysAhead: 2 },
      now: '2026-01-31T12:00:00Z',
      starts: ['08:00', '08:30'],
    },
    {
      name: 'buffer before blocks a start right after a busy time',
      rules: { bufferBeforeMinutes: 15 },
      host: { busy: [{ start: at('2026-02-02T07:30:00Z'), end: at('2026-02-02T08:00:00Z') }] },
      starts: ['08:30'],
    },
    {
      name: 'buffer after blocks a start right before a busy time',
      rules: { bufferAfterMinutes: 10 },
      host: { busy: [{ start: at('2026-02-02T09:00:00Z'), end: at('2026-02-02T09:30:00Z') }] },
      starts: ['08:00'],
    },
    {
      name: 'busy times that only touch a slot do not block it',
      rules: {},
      host: {
        busy: [
          { start: at('2026-02-02T07:00:00Z'), end: at('2026-02-02T08:00:00Z') },
          { start: at('2026-02-02T09:00:00Z'), end: at('2026-02-02T10:00:00Z') },
        ],
      },
      starts: ['08:00', '08:30'],
    },
    {
      name: 'a busy interval blocks the slots it overlaps',
      rules: {},
      host: { busy: [{ start: at('2026-02-02T08:10:00Z'), end: at('2026-02-02T08:20:00Z') }] },
      starts: ['08:30'],
    },
    {
      name: 'busy intervals out of order and overlapping are merged',
      rules: {},
      host: {
        busy: [
          { start: at('2026-02-02T08:40:00Z'), end: at('2026-02-02T08:50:00Z') },
          { start: at('2026-02-02T08:00:00Z'), end: at('2026-02-02T08:45:00Z') },
        ],
      },
      starts: [],
    },
    {
      name: 'the daily limit removes the whole host day once reached',
      rules: { dailyLimitPerHost: 1 },
      host: { bookedStarts: [at('2026-02-02T14:00:00Z')] },
      starts: [],
    },
    {
      name: 'the daily limit counts only that host-local day',
      rules: { dailyLimitPerHost: 1 },
      host: { bookedStarts: [at('2026-02-02T23:30:00Z')] },
      starts: ['08:00', '08:30'],
    },
    {
      name: 'below the daily limit the day stays open',
      rules: { dailyLimitPerHost: 2 },
      host: { bookedStarts: [at('2026-02-02T14:00:00Z')] },
      starts: ['08:00', '08:30'],
    },
    {
      name: 'a day-off override removes the weekly hours',
      rules: {},
      host: { dateOverrides: [{ date: monday, intervals: [] }] },
      starts: [],
    },
    {
      name: 'an override with other hours replaces the weekly ones',
      rules: {},
      host: { dateOverrides: [{ date: monday, intervals: [{ start: '14:00', end: '15:00' }] }] },
      starts: ['13:00', '13:30'],
    },
    {
      name: 'an override on another date changes nothing',
      rules: {},
      host: { dateOverrides: [{ date: '2026-02-03', intervals: [] }] },
      starts: ['08:00', '08:30'],
    },
    {
      name: 'several intervals on one weekday each give their starts',
      rules: {},
      host: {
        weeklyHours: {
          mon: [
            { start: '13:00', end: '14:00' },
            { start: '09:00', end: '09:30' },
          ],
        },
      },
      starts: ['08:00', '12:00', '12:30'],
    },
  ];
  it.each(cases)('$name', ({ rules: overrides, host: hostOverrides, now, starts }) => {
    const got = startsOn([host(hostOverrides)], rules(overrides), monday, 'UTC', at(now ?? '2026-01-01T00:00:00Z'));
    expect(got.map((iso) => iso.slice(11, 16))).toEqual(starts);
  });
});

describe('slots with several hosts', () => {
  it('offers the union of the hosts, least booked first', () => {
    const anna = host({ id: 'anna', load: 3 });
    const ben = host({ id: 'ben', load: 1, weeklyHours: { mon: [{ start: '09:30', end: '10:30' }] } });
    const [day] = freeSlots([anna, ben], rules(), {
      from: '2026-02-02',
      to: '2026-02-02',
      timeZone: 'Europe/Berlin',
      now: at('2026-01-01T00:00:00Z'),
    });
    expect(day.slots.map((slot) => [slot.time, slot.hosts])).toEqual([
      ['09:00', ['anna']],
      ['09:30', ['ben', 'anna']],
      ['10:00', ['ben']],
    ]);
  });

  it('lists every day of the range, the empty ones too', () => {
    const days = freeSlots([host()], rules(), {
      from: '2026-01-31',
      to: '2026-02-02',
      timeZone: 'Europe/Berlin',
      now: at('2026-01-01T00:00:00Z'),
    });
    expect(days.map((day) => [day.date, day.slots.length])).toEqual([
      ['2026-01-31', 0],
      ['2026-02-01', 0],
      ['2026-02-02', 2],
    ]);
  });
});

describe('isFreeStart (the re-check inside the booking transaction)', () => {
  it('accepts an offered start and refuses one that is taken or off the grid', () => {
    const now = at('2026-01-01T00:00:00Z');
    expect(isFreeStart(host(), rules(), at('2026-02-02T08:30:00Z'), now)).toBe(true);
    expect(isFreeStart(host(), rules(), at('2026-02-02T08:15:00Z'), now)).toBe(false);
    const taken = host({ busy: [{ start: at('2026-02-02T08:30:00Z'), end: at('2026-02-02T09:00:00Z') }] });
    expect(isFreeStart(taken, rules(), at('2026-02-02T08:30:00Z'), now)).toBe(false);
  });
});

describe('mergeIntervals', () => {
  it('joins touching and overlapping intervals and drops empty ones', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 7 },
        { start: 1, end: 3 },
        { start: 3, end: 4 },
        { start: 9, end: 9 },
      ]),
    ).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 7 },
    ]);
  });
});
