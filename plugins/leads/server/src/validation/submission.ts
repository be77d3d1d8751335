import { yup } from '@strapi/utils';
import { strictValidator } from './strict';
import { leadFormFields, utmFields } from '@magnetiq/plugin-kit/server';

export const LANGUAGES = ['en', 'de'] as const;

export const utmSchema = yup.object(utmFields()).noUnknown().strict().default(undefined).optional();

const { consent, utm: _utm, referrer, landingPage, website, ...contactFields } = leadFormFields();

/** The fields every lead form shares (the kit's lead form fields, with the language of the request); webinars extends it. */
export const leadFields = {
  ...contactFields,
  language: yup.string().oneOf([...LANGUAGES]).default('en'),
  consent,
  utm: utmSchema,
  referrer,
  landingPage,
  website,
};

export const contactSubmissionSchema = yup
  .object({
    ...leadFields,
    message: yup.string().trim().required().min(1).max(5000),
  })
  .noUnknown()
  .required();

export type ContactSubmission = yup.InferType<typeof contactSubmissionSchema>;

export const validateContactSubmission = strictValidator<ContactSubmission>(contactSubmissionSchema);
