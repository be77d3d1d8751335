import type { Core } from '@strapi/strapi';
import type { LeadInput } from '@magnetiq/plugin-leads/contract';
import { validateYupSchema, yup } from '@strapi/utils';
import { entryFields } from '@magnetiq/plugin-kit/server';
import { isValidTimeZone } from '../domain/reminders';
import { DOCUMENT_ID, leads } from '../utils';

/** The shape of a locale code; the controller checks it against the configured locales (leads `locales` service). */
const localeCode = () => yup.string().trim().max(35);

/** Custom answers of the form: a few short strings keyed by question id. */
const answersSchema = yup
  .mixed<Record<string, string>>()
  .test(
    'answers',
    'answers must map up to 20 question ids (letters, digits, - and _) to texts of at most 1000 characters',
    (value) => {
      if (value === undefined || value === null) return true;
      if (typeof value !== 'object' || Array.isArray(value)) return false;
      const entries = Object.entries(value as Record<string, unknown>);
      return (
        entries.length <= 20 &&
        entries.every(
          ([key, answer]) => /^[A-Za-z0-9_-]{1,60}$/.test(key) && typeof answer === 'string' && answer.length <= 1000,
        )
      );
    },
  )
  .optional();

/** The lead fields of the leads core's contract, plus the session, the page locale and custom answers. */
export type RegistrationInput = Omit<LeadInput, 'language' | 'source' | 'activity' | 'message'> & {
  session: string;
  /** a configured locale code once the controller resolved it */
  locale?: string;
  answers?: Record<string, string> | null;
  website?: string | null;
};

/** The registration form's schema (also what the OpenAPI document shows: routes/openapi.ts). */
export function registrationSchema(strapi: Core.Strapi) {
  const { language: _language, ...fields } = leads(strapi).forms.leadFields;
  return yup
    .object({
      ...fields,
      session: yup.string().trim().required().matches(DOCUMENT_ID, 'session must be a document id'),
      locale: localeCode().optional(),
      answers: answersSchema,
    })
    .noUnknown()
    .required();
}

/**
 * The public registration form: the leads core's shared lead fields (its `forms` service) plus
 * the session, the page locale and custom answers. Unknown keys are refused, not stripped.
 */
export function registrationValidator(strapi: Core.Strapi): (body: unknown) => Promise<RegistrationInput> {
  return leads(strapi).forms.strictValidator<RegistrationInput>(registrationSchema(strapi));
}

const optionalText = (max: number) => yup.string().trim().max(max).nullable().optional();
const httpUrl = (max: number) =>
  optionalText(max).matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL', excludeEmptyString: true });

const sessionFields = {
  startsAt: yup.date().typeError('startsAt must be an ISO 8601 date-time'),
  endsAt: yup.date().typeError('endsAt must be an ISO 8601 date-time'),
  timeZone: yup
    .string()
    .trim()
    .max(64)
    .test(
      'time-zone',
      'timeZone must be an IANA time zone, e.g. Europe/Berlin',
      (value) => value === undefined || isValidTimeZone(value),
    ),
  capacity: yup.number().integer().min(0).max(100_000),
  joinUrl: httpUrl(2000),
  joinInstructions: optionalText(4000),
};

const endsAfterStart = (value: { startsAt?: Date; endsAt?: Date }) =>
  !value.startsAt || !value.endsAt || value.endsAt.getTime() > value.startsAt.getTime();

export const sessionCreateSchema = yup
  .object({
    ...sessionFields,
    startsAt: sessionFields.startsAt.required(),
    endsAt: sessionFields.endsAt.required(),
    timeZone: sessionFields.timeZone.required(),
    capacity: sessionFields.capacity.required(),
  })
  .noUnknown()
  .test('ends-after-start', 'endsAt must be after startsAt', endsAfterStart);

export const sessionUpdateSchema = yup
  .object(sessionFields)
  .noUnknown()
  .test('ends-after-start', 'endsAt must be after startsAt', endsAfterStart);

export type SessionInput = {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number;
  joinUrl?: string | null;
  joinInstructions?: string | null;
};
export const validateSessionCreate = validateYupSchema(sessionCreateSchema, { strict: false, abortEarly: false }) as (
  body: unknown,
) => Promise<SessionInput>;
export const validateSessionUpdate = validateYupSchema(sessionUpdateSchema, { strict: false, abortEarly: false }) as (
  body: unknown,
) => Promise<Partial<SessionInput>>;

export const recordingSchema = yup
  .object({ recordingUrl: httpUrl(2000).required(), notify: yup.boolean().default(true) })
  .noUnknown();
export const validateRecording = validateYupSchema(recordingSchema, { strict: false, abortEarly: false }) as (
  body: unknown,
) => Promise<{ recordingUrl: string; notify: boolean }>;

export const attendanceSchema = yup
  .object({
    marks: yup
      .array(
        yup
          .object({
            registration: yup.string().required().matches(DOCUMENT_ID),
            status: yup.string().oneOf(['attended', 'no-show']).required(),
          })
          .noUnknown(),
      )
      .min(1)
      .max(5000)
      .required(),
  })
  .noUnknown();
export const validateAttendance = validateYupSchema(attendanceSchema, { strict: false, abortEarly: false }) as (
  body: unknown,
) => Promise<{ marks: Array<{ registration: string; status: 'attended' | 'no-show' }> }>;

/** Admin input for a webinar (editors normally use the Content Manager; this serves the API and tests). */
export const webinarInputSchema = yup
  .object({
    locale: localeCode().optional(),
    ...entryFields(),
    summary: optionalText(2000),
    description: optionalText(50_000),
    topics: yup.array(yup.string().trim().max(60).required()).max(20).optional(),
    /** the language the webinar is held in: a configured locale code, the default locale when missing */
    language: localeCode().optional(),
    status: yup.string().oneOf(['draft', 'scheduled', 'live', 'ended', 'cancelled']).default('scheduled'),
    seoTitle: optionalText(70),
    seoDescription: optionalText(200),
    /** the team's Google calendar its sessions are put on (connected in Calendar sync); empty = none */
    calendarId: yup.string().trim().max(300).nullable().optional(),
    publish: yup.boolean().default(false),
    /** another locale of an existing webinar */
    documentId: yup.string().matches(DOCUMENT_ID).optional(),
  })
  .noUnknown();
export type WebinarInput = yup.InferType<typeof webinarInputSchema>;
export const validateWebinarInput = validateYupSchema(webinarInputSchema, { strict: false, abortEarly: false }) as (
  body: unknown,
) => Promise<WebinarInput>;
