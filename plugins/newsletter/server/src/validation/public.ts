import { yup } from '@strapi/utils';
import { leadFormFields, SLUG_PATTERN } from '@magnetiq/plugin-kit/server';

/** The shape of a locale code; the controllers check it against the configured locales (leads `locales`). */
const localeCode = () => yup.string().trim().max(35).optional();
const topicSlug = () => yup.string().trim().required().max(60).matches(SLUG_PATTERN, 'topic must be a slug');
const TOKEN_MAX = 1024;

const fields = leadFormFields();

/** POST /api/newsletter/subscriptions: the lead form's fields, marketing consent required, one or more topics. */
export const signupSchema = yup
  .object({
    ...fields,
    consent: yup
      .object({
        dataProcessing: yup.boolean().strict().oneOf([true], 'consent to data processing is required').required(),
        marketingEmail: yup
          .boolean()
          .strict()
          .oneOf([true], 'a newsletter needs consent to marketing email')
          .required(),
        textVersion: yup.string().trim().required().max(100),
      })
      .noUnknown()
      .required(),
    locale: localeCode(),
    topics: yup.array(topicSlug()).min(1, 'choose at least one topic').max(20).required(),
  })
  .noUnknown()
  .required();

export type SignupInput = yup.InferType<typeof signupSchema>;

export const preferencesQuerySchema = yup
  .object({ token: yup.string().required().max(TOKEN_MAX) })
  .noUnknown()
  .required();

/** POST /api/newsletter/preferences */
export const preferencesSchema = yup
  .object({
    token: yup.string().required().max(TOKEN_MAX),
    topics: yup.array(topicSlug()).max(50).optional(),
    language: localeCode(),
    unsubscribeAll: yup.boolean().strict().optional(),
  })
  .noUnknown()
  .required();

export type PreferencesInput = yup.InferType<typeof preferencesSchema>;
