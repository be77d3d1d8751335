import { errors, validateYupSchema, yup } from '@strapi/utils';
import { DateTime } from 'luxon';
import { leadFormFields, optionalText, requiredName, SLUG_PATTERN } from '@magnetiq/plugin-kit/server';
import {
  isDate,
  isTimeZone,
  overridesProblems,
  weeklyHoursProblems,
  type DateOverride,
  type WeeklyHours,
} from '../domain/schedule';

/** Locale codes are checked against the configured locales by the controller (leads `locales` service); here only their size. */
const localeCode = () => yup.string().trim().max(35).optional();
export const SLUG = SLUG_PATTERN;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const timeZone = () =>
  yup
    .string()
    .required()
    .test('iana', '${path} must be an IANA time zone such as Europe/Berlin', (value) => isTimeZone(value));
const instant = () =>
  yup
    .string()
    .required()
    .matches(ISO_INSTANT, '${path} must be an ISO 8601 time with offset, e.g. 2026-03-02T09:00:00Z');

// the kit's lead form fields; the booking form has no country and needs the first name
const { country: _country, consent, utm, referrer, landingPage, website, ...contactFields } = leadFormFields();

export const bookingSchema = yup
  .object({
    type: yup.string().required().max(80).matches(SLUG, 'type must be a meeting type slug'),
    host: yup
      .string()
      .max(80)
      .matches(SLUG, { message: 'host must be a host slug', excludeEmptyString: true })
      .nullable()
      .optional(),
    start: instant(),
    timeZone: timeZone(),
    locale: localeCode(),
    ...contactFields,
    firstName: requiredName('firstName'),
    // a free map of question ids to texts: mixed, so the strict shape check leaves its keys to this test
    answers: yup
      .mixed<Record<string, string>>()
      .test('answers', 'answers must map question ids to texts of at most 2000 characters (at most 20)', (value) => {
        if (value === undefined || value === null) return true;
        if (typeof value !== 'object' || Array.isArray(value)) return false;
        const entries = Object.entries(value);
        return (
          entries.length <= 20 &&
          entries.every(
            ([key, answer]) =>
              /^[a-zA-Z0-9_-]{1,40}$/.test(key) && typeof answer === 'string' && (answer as string).length <= 2000,
          )
        );
      })
      .default(undefined)
      .optional(),
    consent,
    utm,
    referrer,
    landingPage,
    website,
  })
  .noUnknown()
  .required();

export type BookingRequest = yup.InferType<typeof bookingSchema>;

const token = () => yup.string().required().max(512);
export const manageSchema = yup.object({ token: token() }).noUnknown().required();
export const rescheduleSchema = yup
  .object({
    token: token(),
    start: instant(),
    timeZone: yup
      .string()
      .optional()
      .test(
        'iana',
        '${path} must be an IANA time zone such as Europe/Berlin',
        (value) => value === undefined || isTimeZone(value),
      ),
  })
  .noUnknown()
  .required();
export const cancelSchema = yup
  .object({ token: token(), reason: optionalText(1000) })
  .noUnknown()
  .required();
export const adminCancelSchema = yup
  .object({ reason: yup.string().trim().required().max(1000) })
  .noUnknown()
  .required();
/** The leads core's strict validator (unknown keys and non-strings are a 400 before yup casts), passed in at run time. */
type StrictValidator = <T>(schema: Parameters<typeof validateYupSchema>[0]) => (body: unknown) => Promise<T>;

export const bookingValidators = (strict: StrictValidator) => ({
  booking: strict<BookingRequest>(bookingSchema),
  manage: strict<{ token: string }>(manageSchema),
  reschedule: strict<{ token: string; start: string; timeZone?: string }>(rescheduleSchema),
  cancel: strict<{ token: string; reason?: string | null }>(cancelSchema),
  adminCancel: strict<{ reason: string }>(adminCancelSchema),
});
export type BookingValidators = ReturnType<typeof bookingValidators>;

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError', value: null }] });

/**
 * ?type&from&to&timeZone[&host][&locale]: dates as YYYY-MM-DD in the visitor's zone, a real IANA
 * zone, a bounded range. `tz` is the deprecated name of `timeZone` (docs/api.md): `usedTz` tells
 * the controller to mark the answer. The locale is checked by the controller.
 */
export function validateSlotQuery(query: Record<string, unknown>, maxRangeDays: number) {
  const { type, from, to, host, locale } = query;
  const usedTz = query.timeZone === undefined && query.tz !== undefined;
  const zoneField = usedTz ? 'tz' : 'timeZone';
  const tz = usedTz ? query.tz : query.timeZone;
  if (typeof type !== 'string' || !SLUG.test(type) || type.length > 80)
    throw fieldError('type', 'type must be a meeting type slug');
  if (!isDate(from)) throw fieldError('from', 'from must be a date YYYY-MM-DD');
  if (!isDate(to)) throw fieldError('to', 'to must be a date YYYY-MM-DD');
  if (!isTimeZone(tz)) throw fieldError(zoneField, `${zoneField} must be an IANA time zone such as Europe/Berlin`);
  if (host !== undefined && (typeof host !== 'string' || !SLUG.test(host) || host.length > 80))
    throw fieldError('host', 'host must be a host slug');
  if (locale !== undefined && (typeof locale !== 'string' || locale.length > 35))
    throw fieldError('locale', 'locale must be a locale code');
  const days = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1;
  if (days < 1) throw fieldError('to', 'to must not be before from');
  if (days > maxRangeDays) throw fieldError('to', `the range may span at most ${maxRangeDays} days`);
  return {
    type,
    from,
    to,
    timeZone: tz as string,
    host: host as string | undefined,
    locale: locale as string | undefined,
    usedTz,
  };
}

/** Admin: a host's schedule. */
export function validateSchedule(input: unknown) {
  const problems: Array<{ path: string[]; message: string }> = [];
  if (!input || typeof input !== 'object') throw new errors.ValidationError('The schedule must be an object');
  const body = input as Record<string, unknown>;
  const allowed = new Set(['timeZone', 'weeklyHours', 'dateOverrides']);
  for (const key of Object.keys(body))
    if (!allowed.has(key)) problems.push({ path: [key], message: `${key} is not a known field` });
  if (!isTimeZone(body.timeZone))
    problems.push({ path: ['timeZone'], message: 'timeZone must be an IANA time zone such as Europe/Berlin' });
  for (const message of weeklyHoursProblems(body.weeklyHours)) problems.push({ path: ['weeklyHours'], message });
  for (const message of overridesProblems(body.dateOverrides ?? []))
    problems.push({ path: ['dateOverrides'], message });
  if (problems.length > 0) {
    throw new errors.ValidationError(problems.map((problem) => problem.message).join('; '), {
      errors: problems.map((problem) => ({ ...problem, name: 'ValidationError', value: null })),
    });
  }
  // the checks above make these the shapes the schedule service stores
  return {
    timeZone: body.timeZone as string,
    weeklyHours: body.weeklyHours as WeeklyHours,
    dateOverrides: (body.dateOverrides ?? []) as DateOverride[],
  };
}
