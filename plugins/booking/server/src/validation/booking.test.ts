import { describe, expect, it } from 'vitest';
// the leads core's strict check, as the controllers get it through strapi.plugin('leads').service('forms')
import { strictValidator } from '../../../../leads/server/src/validation/strict';
import { bookingValidators, validateSchedule, validateSlotQuery } from './booking';

const validateBooking = bookingValidators(strictValidator).booking;

const good = {
  type: 'consultation',
  start: '2026-03-02T09:00:00Z',
  timeZone: 'Europe/Berlin',
  email: 'ada@example.com',
  firstName: 'Ada',
  consent: { dataProcessing: true, textVersion: 'v1' },
};

const pathsOf = async (work: () => unknown) => {
  try {
    await work();
  } catch (error: any) {
    return (error.details?.errors ?? []).map((entry: any) => entry.path.join('.'));
  }
  return [];
};

describe('validateSlotQuery', () => {
  const base = { type: 'consultation', from: '2026-03-01', to: '2026-03-30', timeZone: 'America/New_York' };
  it('accepts a 30-day range in a real zone', () => {
    expect(validateSlotQuery(base, 62)).toMatchObject({
      type: 'consultation',
      timeZone: 'America/New_York',
      usedTz: false,
    });
  });
  it('still takes the deprecated tz and says so (the controller marks the answer)', () => {
    const { timeZone: _timeZone, ...old } = base;
    expect(validateSlotQuery({ ...old, tz: 'Europe/Paris' }, 62)).toMatchObject({
      timeZone: 'Europe/Paris',
      usedTz: true,
    });
  });
  it('leaves the locale to the controller, which knows the configured ones', () => {
    expect(validateSlotQuery({ ...base, locale: 'fr' }, 62).locale).toBe('fr');
  });
  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ timeZone: undefined }, 'timeZone'],
    [{ timeZone: undefined, tz: 'Mars/Olympus' }, 'tz'],
    [{ from: '2026-3-1' }, 'from'],
    [{ to: '2026-02-28' }, 'to'],
    [{ to: '2026-06-30' }, 'to'],
    [{ type: 'Not A Slug' }, 'type'],
    [{ host: '../etc' }, 'host'],
    [{ locale: 'x'.repeat(40) }, 'locale'],
  ])('refuses %j naming %s', async (override, field) => {
    expect(await pathsOf(() => validateSlotQuery({ ...base, ...override }, 62))).toEqual([field]);
  });
});

describe('validateBooking', () => {
  it('accepts a minimal booking and lowercases nothing it should not', async () => {
    expect(await validateBooking(good)).toMatchObject({ type: 'consultation', firstName: 'Ada' });
  });
  it.each([
    [{ role: 'admin' }, ['role']],
    [{ consent: { dataProcessing: false, textVersion: 'v1' } }, ['consent.dataProcessing']],
    [{ timeZone: 'UTC+2' }, ['timeZone']],
    [{ start: '2026-03-02 09:00' }, ['start']],
    [{ answers: { goal: 42 } }, ['answers']],
    [{ email: 'not-an-email' }, ['email']],
    // an object where a string belongs was a 500 (yup's trim throws) before the strict shape check
    [{ firstName: { a: 1 } }, ['firstName']],
    [{ answers: ['not', 'a', 'map'] }, ['answers']],
  ])('refuses %j', async (override, paths) => {
    expect(await pathsOf(() => validateBooking({ ...good, ...override }))).toEqual(paths);
  });
});

describe('validateSchedule', () => {
  it('passes a valid schedule through and names every problem of a bad one', async () => {
    expect(
      validateSchedule({ timeZone: 'Europe/Berlin', weeklyHours: { mon: [{ start: '09:00', end: '17:00' }] } }),
    ).toMatchObject({ dateOverrides: [] });
    expect(
      await pathsOf(() =>
        validateSchedule({ timeZone: 'Nowhere', weeklyHours: { mon: [{ start: '10:00', end: '09:00' }] }, extra: 1 }),
      ),
    ).toEqual(['extra', 'timeZone', 'weeklyHours']);
  });
});
