import { yup } from '@strapi/utils';
import { leadFormFields, SLUG_PATTERN } from '@magnetiq/plugin-kit/server';

/** The shape of a locale code; the controllers check it against the configured locales (leads `locales`). */
const localeCode = () => yup.string().trim().max(35).optional();
const topicSlug = () => yup.string().trim().required().max(60).matches(SLUG_PATTERN, 'topic must be a slug');
const TOKEN_MAX = 1024;
/** yup's own type message quotes the value it got: a visitor's input is never echoed back */
const topicList = () => yup.array(topicSlug()).typeError('topics must be a list of topic slugs');
const flag = (name: string) => yup.boolean().strict().typeError(`${name} must be true or false`);

const fields = leadFormFields();

/** POST /api/newsletter/subscriptions: the lead form's fields, marketing consent required, one or more topics. */
export const signupSchema = yup
  .object({
    ...fields,
    consent: yup
      .object({
        dataProcessing: flag('consent.dataProcessing')
          .oneOf([true], 'consent to data processing is required')
          .required(),
        marketingEmail: flag('consent.marketingEmail')
          .oneOf([true], 'a newsletter needs consent to marketing email')
          .required(),
        textVersion: yup.string().trim().required().max(100),
      })
      .noUnknown()
      .required(),
    locale: localeCode(),
    topics: topicList().min(1, 'choose at least one topic').max(20).required(),
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
    topics: topicList().max(50).optional(),
    language: localeCode(),
    unsubscribeAll: flag('unsubscribeAll').optional(),
  })
  .noUnknown()
  .required();

export type PreferencesInput = yup.InferType<typeof preferencesSchema>;
